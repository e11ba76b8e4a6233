// Beast for outgoing requests (the second and last Beast translation unit).
#include "http/client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>

namespace kassa::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

template <class Stream>
ClientResponse exchange(Stream& stream, const bhttp::request<bhttp::string_body>& request, const ClientRequest& in,
                        beast::tcp_stream& tcp_layer) {
  ClientResponse out;
  tcp_layer.expires_after(in.timeout);
  bhttp::write(stream, request);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(in.response_bytes_max);
  beast::error_code ec;
  bhttp::read(stream, buffer, parser, ec);
  if (ec && ec != bhttp::error::body_limit) {
    out.error = ec.message();
    return out;
  }
  const auto& message = parser.get();
  out.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.push_back({name, std::string(field.value())});
  }
  out.body = message.body();
  return out;
}

}  // namespace

ClientResponse send_request(const ClientRequest& in, const AddressCheck& allowed) {
  ClientResponse out;
  const auto url = boost::urls::parse_absolute_uri(in.url);
  if (!url || (url->scheme() != "http" && url->scheme() != "https") || url->host().empty()) {
    out.error = "not an http(s) URL";
    return out;
  }
  const bool tls = url->scheme() == "https";
  const std::string host(url->host_address());
  const std::string port = url->has_port() ? std::string(url->port()) : (tls ? "443" : "80");
  std::string target(url->encoded_path());
  if (target.empty()) target = "/";
  if (url->has_query()) target += "?" + std::string(url->encoded_query());

  try {
    net::io_context ioc;
    tcp::resolver resolver(ioc);
    std::vector<tcp::endpoint> vetted;
    for (const auto& entry : resolver.resolve(host, port)) {
      if (!allowed(entry.endpoint().address().to_string())) {
        out.error = "the address " + entry.endpoint().address().to_string() + " is not allowed (private, loopback or link-local)";
        return out;
      }
      vetted.push_back(entry.endpoint());
    }
    if (vetted.empty()) {
      out.error = "the host does not resolve";
      return out;
    }
    bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(in.method), target, 11};
    request.set(bhttp::field::host, host);
    request.set(bhttp::field::user_agent, "Kassa-Webhooks/1");
    for (const auto& h : in.headers) request.set(h.name, h.value);
    request.body() = in.body;
    request.prepare_payload();

    if (!tls) {
      beast::tcp_stream stream(ioc);
      stream.expires_after(in.timeout);
      stream.connect(vetted);
      out = exchange(stream, request, in, stream);
      beast::error_code ec;
      stream.socket().shutdown(tcp::socket::shutdown_both, ec);
      return out;
    }
    net::ssl::context context(net::ssl::context::tls_client);
    context.set_default_verify_paths();
    context.set_verify_mode(net::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(ioc, context);
    if (!SSL_set_tlsext_host_name(stream.native_handle(), host.c_str())) {
      out.error = "TLS: cannot set the server name";
      return out;
    }
    stream.set_verify_callback(net::ssl::host_name_verification(host));
    beast::get_lowest_layer(stream).expires_after(in.timeout);
    beast::get_lowest_layer(stream).connect(vetted);
    stream.handshake(net::ssl::stream_base::client);
    out = exchange(stream, request, in, beast::get_lowest_layer(stream));
    beast::error_code ec;
    stream.shutdown(ec);
    return out;
  } catch (const std::exception& e) {
    out.status = 0;
    out.error = e.what();
    return out;
  }
}

}  // namespace kassa::http
