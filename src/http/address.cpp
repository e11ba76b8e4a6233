#include <arpa/inet.h>

#include <cstring>

#include "http/client.hpp"

namespace kassa::http {
namespace {

bool public_v4(const unsigned char* a) {
  if (a[0] == 0 || a[0] == 10 || a[0] == 127) return false;            // this network, private, loopback
  if (a[0] == 100 && (a[1] & 0xC0) == 64) return false;                // 100.64/10 carrier-grade NAT
  if (a[0] == 169 && a[1] == 254) return false;                        // link-local (cloud metadata)
  if (a[0] == 172 && (a[1] & 0xF0) == 16) return false;                // 172.16/12
  if (a[0] == 192 && a[1] == 168) return false;                        // 192.168/16
  if (a[0] == 192 && a[1] == 0 && (a[2] == 0 || a[2] == 2)) return false;  // IETF, TEST-NET-1
  if (a[0] == 198 && (a[1] == 18 || a[1] == 19)) return false;         // benchmarking
  if (a[0] == 198 && a[1] == 51 && a[2] == 100) return false;          // TEST-NET-2
  if (a[0] == 203 && a[1] == 0 && a[2] == 113) return false;           // TEST-NET-3
  if (a[0] >= 224) return false;                                       // multicast, reserved, broadcast
  return true;
}

}  // namespace

bool is_public_address(const std::string& ip) {
  unsigned char v4[4];
  if (inet_pton(AF_INET, ip.c_str(), v4) == 1) return public_v4(v4);
  unsigned char v6[16];
  if (inet_pton(AF_INET6, ip.c_str(), v6) != 1) return false;
  static const unsigned char kZero[16] = {};
  if (std::memcmp(v6, kZero, 15) == 0 && (v6[15] == 0 || v6[15] == 1)) return false;  // :: and ::1
  const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
  if (std::memcmp(v6, mapped, 12) == 0) return public_v4(v6 + 12);                   // ::ffff:a.b.c.d
  if ((v6[0] & 0xFE) == 0xFC) return false;                                           // fc00::/7 unique local
  if (v6[0] == 0xFE && (v6[1] & 0xC0) == 0x80) return false;                          // fe80::/10 link-local
  if (v6[0] == 0xFF) return false;                                                    // multicast
  if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0D && v6[3] == 0xB8) return false;  // documentation
  return true;
}

}  // namespace kassa::http
