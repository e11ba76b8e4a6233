// HTTP for identity: parse, call one service method, render.
#include "identity/identity_routes.hpp"

#include <boost/json/array.hpp>

#include <memory>

#include "common/ids.hpp"
#include "common/time_text.hpp"
#include "http/json_body.hpp"
#include "http/params.hpp"
#include "http/problem.hpp"
#include "identity/permissions.hpp"

namespace kassa::identity {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr http::RouteOptions kJson{.json_body = true};
constexpr std::string_view kStepUpHeader = "x-step-up-confirmation";

boost::json::value login_step_json(const LoginStep& step) {
  boost::json::object out{{"next", step.next}, {"challenge", step.challenge}};
  if (step.next == "totp_enroll") {
    out["otpauth_uri"] = step.otpauth_uri;
    out["qr_svg"] = step.qr_svg;
    out["secret"] = step.secret_base32;
  }
  return out;
}

Response signed_in_response(const SignedIn& s) {
  boost::json::object body{{"user", to_json(s.user, {})}};
  if (!s.recovery_codes.empty()) {
    boost::json::array codes;
    for (const auto& c : s.recovery_codes) codes.push_back(boost::json::value(c));
    body["recovery_codes"] = std::move(codes);
  }
  Response r = http::json_response(200, body);
  set_session_cookies(r, s);
  return r;
}

template <class T, class F>
Response render(const Result<T>& result, F&& to_body, int status = 200) {
  if (!result) return http::problem(result.error());
  return http::json_response(status, to_body(*result));
}

Response list(boost::json::array data) {
  return http::json_response(200, boost::json::object{{"data", std::move(data)}, {"has_more", false}});
}

std::optional<std::vector<GrantInput>> read_grants(http::JsonBody& body) {
  const auto* value = body.member("grants");
  if (!value || !value->is_array()) {
    body.fail("/grants", "must be an array of {role_id, project_ids}");
    return std::nullopt;
  }
  std::vector<GrantInput> out;
  for (size_t i = 0; i < value->as_array().size(); ++i) {
    const auto& item = value->as_array()[i];
    const std::string field = "/grants/" + std::to_string(i);
    const auto* role = item.is_object() ? item.as_object().if_contains("role_id") : nullptr;
    if (!role || !role->is_string()) {
      body.fail(field + "/role_id", "is required");
      continue;
    }
    GrantInput g{std::string(role->as_string()), std::nullopt};
    const auto* projects = item.as_object().if_contains("project_ids");
    if (projects && !projects->is_null()) {
      if (!projects->is_array()) {
        body.fail(field + "/project_ids", "must be an array of project ids or null");
        continue;
      }
      g.project_ids.emplace();
      for (const auto& p : projects->as_array()) {
        if (p.is_string()) g.project_ids->emplace_back(p.as_string());
        else body.fail(field + "/project_ids", "must contain project ids");
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

std::string step_up_of(const Request& request) { return std::string(request.header(kStepUpHeader)); }

}  // namespace

void add_identity_routes(http::Router& router, Guard& guard, IdentityService& identity, const Clock& clock,
                         RouteOptions options) {
  auto limiter = std::make_shared<RateLimiter>(options.auth_requests_per_minute);
  // Wraps a public sign-in endpoint with the per-address rate limit.
  const auto limited = [limiter, &clock](std::function<Response(Request&)> handler) {
    return [limiter, &clock, handler = std::move(handler)](Request& request) {
      if (const int64_t wait = limiter->check(request.remote_address, clock.now_ms()); wait > 0) {
        Response r = http::problem(429, "rate-limited", "too many sign-in requests from your address; wait a minute");
        r.set_header("retry-after", std::to_string(wait));
        return r;
      }
      return handler(request);
    };
  };

  // --- sign-in (public) ---
  router.add(Method::post, "/api/v1/auth/login", limited([&identity](Request& r) {
    http::JsonBody body(r);
    const auto email = body.string("email", true, 254);
    const auto password = body.string("password", true, 1024);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return render(identity.login(*email, *password, client_of(r)), login_step_json);
  }), kJson);

  router.add(Method::post, "/api/v1/auth/totp", limited([&identity](Request& r) {
    http::JsonBody body(r);
    const auto challenge = body.string("challenge", true, 200);
    const auto code = body.string("code", true, 20);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto result = identity.verify_totp(*challenge, *code, client_of(r));
    return result ? signed_in_response(*result) : http::problem(result.error());
  }), kJson);

  router.add(Method::post, "/api/v1/auth/totp/enroll", limited([&identity](Request& r) {
    http::JsonBody body(r);
    const auto challenge = body.string("challenge", true, 200);
    const auto code = body.string("code", true, 20);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto result = identity.enroll_totp(*challenge, *code, client_of(r));
    return result ? signed_in_response(*result) : http::problem(result.error());
  }), kJson);

  router.add(Method::post, "/api/v1/auth/recovery", limited([&identity](Request& r) {
    http::JsonBody body(r);
    const auto challenge = body.string("challenge", true, 200);
    const auto code = body.string("recovery_code", true, 40);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto result = identity.recover(*challenge, *code, client_of(r));
    return result ? signed_in_response(*result) : http::problem(result.error());
  }), kJson);

  router.add(Method::get, "/api/v1/invitations/{token}", limited([&identity](Request& r) {
    return render(identity.invitation(std::string(r.param("token"))), [](const auto& v) { return v; });
  }));

  router.add(Method::post, "/api/v1/invitations/{token}/accept", limited([&identity](Request& r) {
    http::JsonBody body(r);
    const auto name = body.string("name", false, 200);
    const auto password = body.string("password", true, 1024);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return render(identity.accept_invitation(std::string(r.param("token")), name.value_or(""), *password, client_of(r)),
                  login_step_json);
  }), kJson);

  // --- the signed-in user ---
  guard.add(Method::post, "/api/v1/auth/logout", "", [&identity](Request&, const Principal& p) {
    identity.logout(p);
    Response r;
    r.status = 204;
    clear_session_cookies(r);
    return r;
  });

  guard.add(Method::get, "/api/v1/me", "", [&identity](Request&, const Principal& p) {
    if (p.kind != Principal::Kind::user) return http::problem(403, "forbidden", "an API key is not a user");
    return http::json_response(200, identity.me(p));
  });

  guard.add(Method::post, "/api/v1/me/password", "", [&identity](Request& r, const Principal& p) {
    http::JsonBody body(r);
    const auto current = body.string("current_password", true, 1024);
    const auto next = body.string("new_password", true, 1024);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto result = identity.change_password(p, *current, *next);
    if (!result) return http::problem(result.error());
    Response response;
    response.status = 204;
    set_session_cookies(response, *result);  // the session is new after a credential change
    return response;
  }, kJson);

  guard.add(Method::post, "/api/v1/me/totp/replace", "", [&identity](Request& r, const Principal& p) {
    http::JsonBody body(r);
    const auto code = body.string("code", true, 20);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return render(identity.replace_totp(p, *code), login_step_json);
  }, kJson);

  guard.add(Method::post, "/api/v1/step-up", "", [&identity](Request& r, const Principal& p) {
    http::JsonBody body(r);
    const auto code = body.string("code", true, 20);
    const auto* action = body.member("action");
    if (!action || !action->is_object()) body.fail("/action", "must be the action object from the step-up-required answer");
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return render(identity.confirm_step_up(p, action->as_object(), *code), [](const auto& v) {
      return boost::json::value(boost::json::object{{"confirmation", v.first}, {"expires_at", iso_utc_from_ms(v.second)}});
    });
  }, kJson);

  // --- users ---
  guard.add(Method::get, "/api/v1/users", "users.read", [&identity](Request&, const Principal& p) {
    boost::json::array data;
    for (const auto& [user, grants] : identity.users(p)) data.push_back(to_json(user, grants));
    return list(std::move(data));
  });

  guard.add(Method::post, "/api/v1/users/invitations", "users.manage", [&identity](Request& r, const Principal& p) {
    http::JsonBody body(r);
    const auto email = body.string("email", true, 254);
    const auto name = body.string("name", true, 200);
    const auto grants = read_grants(body);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return render(identity.invite(p, *email, *name, *grants), [](const IdentityService::Invited& i) {
      return boost::json::value(boost::json::object{{"user", to_json(i.user, i.grants)},
                                                    {"invitation_url", i.invitation_url},
                                                    {"expires_at", iso_utc_from_ms(i.expires_at_ms)}});
    }, 201);
  }, kJson);

  guard.add(Method::patch, "/api/v1/users/{id}", "users.manage", [&identity](Request& r, const Principal& p) {
    const auto id = http::path_id<UserId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto version = http::if_match_version(r);
    if (!version) return http::problem(http::missing_if_match());
    http::JsonBody body(r);
    UserPatch patch{body.string("name", false, 200), body.string("status", false, 20)};
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return render(identity.update_user(p, id->value(), patch, *version), [](const auto& v) { return to_json(v.first, v.second); });
  }, kJson);

  guard.add(Method::put, "/api/v1/users/{id}/grants", "users.manage", [&identity](Request& r, const Principal& p) {
    const auto id = http::path_id<UserId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto version = http::if_match_version(r);
    if (!version) return http::problem(http::missing_if_match());
    http::JsonBody body(r);
    const auto grants = read_grants(body);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return render(identity.set_grants(p, id->value(), *grants, *version, step_up_of(r)),
                  [](const auto& v) { return to_json(v.first, v.second); });
  }, kJson);

  guard.add(Method::post, "/api/v1/users/{id}/totp-reset", "users.manage", [&identity](Request& r, const Principal& p) {
    const auto id = http::path_id<UserId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto s = identity.request_totp_reset(p, id->value(), step_up_of(r));
    if (!s) return http::problem(s.error());
    Response response;
    response.status = 204;
    return response;
  });

  guard.add(Method::post, "/api/v1/users/{id}/totp-reset/confirm", "users.manage", [&identity](Request& r, const Principal& p) {
    const auto id = http::path_id<UserId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto s = identity.confirm_totp_reset(p, id->value(), step_up_of(r));
    if (!s) return http::problem(s.error());
    Response response;
    response.status = 204;
    return response;
  });

  // --- roles ---
  router.add(Method::get, "/api/v1/permissions", [](Request&) {
    boost::json::array data;
    for (const auto& perm : permission_catalogue()) {
      data.push_back(boost::json::object{{"name", perm.name}, {"description", perm.description},
                                         {"scope", perm.scope == PermissionScope::project ? "project" : "company"}});
    }
    return http::json_response(200, boost::json::object{{"data", std::move(data)}});
  }, {.run_inline = true});

  guard.add(Method::get, "/api/v1/roles", "", [&identity](Request&, const Principal& p) {
    boost::json::array data;
    for (const auto& role : identity.roles(p)) data.push_back(to_json(role));
    return list(std::move(data));
  });

  guard.add(Method::post, "/api/v1/roles", "roles.manage", [&identity](Request& r, const Principal& p) {
    http::JsonBody body(r);
    RoleInput input{body.string("name", true, 100), body.string("description", false, 1000), body.strings("permissions", true, 100)};
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return render(identity.create_role(p, input), [](const Role& role) { return to_json(role); }, 201);
  }, kJson);

  guard.add(Method::patch, "/api/v1/roles/{id}", "roles.manage", [&identity](Request& r, const Principal& p) {
    const auto id = http::path_id<RoleId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto version = http::if_match_version(r);
    if (!version) return http::problem(http::missing_if_match());
    http::JsonBody body(r);
    RoleInput input{body.string("name", false, 100), body.string("description", false, 1000), body.strings("permissions", false, 100)};
    if (auto s = body.finish(); !s) return http::problem(s.error());
    return render(identity.update_role(p, id->value(), input, *version), [](const Role& role) { return to_json(role); });
  }, kJson);

  guard.add(Method::del, "/api/v1/roles/{id}", "roles.manage", [&identity](Request& r, const Principal& p) {
    const auto id = http::path_id<RoleId>(r, "id");
    if (!id) return http::problem(id.error());
    const auto s = identity.delete_role(p, id->value());
    if (!s) return http::problem(s.error());
    Response response;
    response.status = 204;
    return response;
  });

  // --- API keys ---
  guard.add(Method::get, "/api/v1/api-keys", "api_keys.read", [&identity](Request& r, const Principal& p) {
    const auto project = http::query_id<ProjectId>(r, "project_id");
    if (!project) return http::problem(project.error());
    const auto keys = identity.api_keys(p, *project ? std::optional<uint64_t>((*project)->value()) : std::nullopt);
    if (!keys) return http::problem(keys.error());
    boost::json::array data;
    for (const auto& k : *keys) data.push_back(to_json(k));
    return list(std::move(data));
  });

  guard.add(Method::post, "/api/v1/api-keys", "api_keys.manage", [&identity](Request& r, const Principal& p) {
    http::JsonBody body(r);
    const auto project_text = body.string("project_id", true, 40);
    const auto name = body.string("name", true, 200);
    const auto permissions = body.strings("permissions", true, 100);
    if (auto s = body.finish(); !s) return http::problem(s.error());
    const auto project = ProjectId::parse(*project_text);
    if (!project) return http::problem(Error::invalid("invalid-body", "unknown project", {{"/project_id", "unknown project"}}));
    return render(identity.create_api_key(p, project->value(), *name, *permissions, step_up_of(r)), [](const CreatedApiKey& k) {
      return boost::json::value(boost::json::object{{"api_key", to_json(k.key)}, {"secret", k.secret}});
    }, 201);
  }, kJson);

  guard.add(Method::post, "/api/v1/api-keys/{id}/roll", "api_keys.manage", [&identity](Request& r, const Principal& p) {
    const auto id = http::path_id<ApiKeyId>(r, "id");
    if (!id) return http::problem(id.error());
    return render(identity.roll_api_key(p, id->value(), step_up_of(r)), [](const CreatedApiKey& k) {
      return boost::json::value(boost::json::object{{"api_key", to_json(k.key)}, {"secret", k.secret}});
    });
  });

  guard.add(Method::post, "/api/v1/api-keys/{id}/revoke", "api_keys.manage", [&identity](Request& r, const Principal& p) {
    const auto id = http::path_id<ApiKeyId>(r, "id");
    if (!id) return http::problem(id.error());
    return render(identity.revoke_api_key(p, id->value()), [](const ApiKey& k) {
      return boost::json::value(boost::json::object{{"api_key", to_json(k)}});
    });
  });
}

}  // namespace kassa::identity
