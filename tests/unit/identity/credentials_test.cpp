#include <gtest/gtest.h>

#include <boost/json/object.hpp>

#include "identity/credentials.hpp"
#include "identity/guard.hpp"
#include "identity/identity.hpp"
#include "identity/permissions.hpp"

namespace kassa::identity {
namespace {

TEST(PasswordRules, Table) {
  struct Case {
    std::string password;
    bool ok;
  };
  const Case cases[] = {
      {"Correct-horse-7", true},
      {"short1A", false},                       // under 12 characters
      {"abcdefghijklmnop", false},              // no digit
      {"123456789012345", false},               // no letter
      {"1qaz2wsx3edc", false},                  // one of the most common passwords
      {"1QAZ2WSX3EDC", false},                  // ... in any case
      {"пароль-надёжный-42", true},             // any Unicode letters count
      {"ünïcödé1", false},                      // 8 characters, though 12 bytes
      {"ünïcödé12345", true},                   // 12 characters
      {std::string(128, 'a') + "1", false},     // over 128 characters
      {std::string(127, 'a') + "1", true},      // exactly 128
      {std::string("valid-password-1\xff"), false},  // not UTF-8
  };
  for (const auto& c : cases) EXPECT_EQ(check_password_rules(c.password).ok(), c.ok) << c.password;
}

TEST(PasswordRules, ErrorsNameTheField) {
  const auto result = check_password_rules("short");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().fields.at(0).field, "/password");
}

TEST(Passwords, HashVerifiesAndIsNeverTruncated) {
  const std::string long_password = std::string(100, 'x') + "-tail-1";
  const std::string hash = hash_password(long_password);
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(hash, long_password));
  EXPECT_FALSE(verify_password(hash, std::string(100, 'x') + "-tail-2"));
  EXPECT_NE(hash_password(long_password), hash);  // salted
}

TEST(Totp, MatchesTheRfc6238TestVectors) {
  // RFC 6238 appendix B, SHA-1 secret "12345678901234567890", truncated to 6 digits.
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(totp_code(secret, totp_step_at(59'000)), "287082");
  EXPECT_EQ(totp_code(secret, totp_step_at(1111111109'000)), "081804");
  EXPECT_EQ(totp_code(secret, totp_step_at(1234567890'000)), "005924");
  EXPECT_EQ(totp_code(secret, totp_step_at(2000000000'000)), "279037");
}

TEST(Totp, AcceptsOneStepEitherSideOnly) {
  const std::string secret = new_totp_secret();
  const int64_t now = 1'764'000'000'000;
  const int64_t step = totp_step_at(now);
  EXPECT_EQ(totp_match(secret, totp_code(secret, step), now), step);
  EXPECT_EQ(totp_match(secret, totp_code(secret, step - 1), now), step - 1);
  EXPECT_EQ(totp_match(secret, totp_code(secret, step + 1), now), step + 1);
  EXPECT_FALSE(totp_match(secret, totp_code(secret, step - 2), now));
  EXPECT_FALSE(totp_match(secret, totp_code(secret, step + 2), now));
  EXPECT_FALSE(totp_match(secret, "12345", now));
  EXPECT_FALSE(totp_match(secret, "abcdef", now));
}

TEST(Base32, RoundTrips) {
  for (const std::string bytes : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    EXPECT_EQ(base32_decode(base32_encode(bytes)), bytes);
  }
  EXPECT_EQ(base32_encode("foobar"), "MZXW6YTBOI");  // RFC 4648 without padding
  EXPECT_FALSE(base32_decode("not base32!"));
}

TEST(Otpauth, UriAndQrCode) {
  const std::string uri = otpauth_uri("Kassa", "a@b.test", "12345678901234567890");
  EXPECT_EQ(uri, "otpauth://totp/Kassa:a@b.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Kassa&algorithm=SHA1&digits=6&period=30");
  const std::string svg = qr_svg(uri);
  EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  EXPECT_TRUE(svg.ends_with("</svg>"));
}

TEST(RecoveryCodes, TenDistinctNormalisedCodes) {
  const auto codes = new_recovery_codes();
  ASSERT_EQ(codes.size(), 10u);
  std::set<std::string> unique(codes.begin(), codes.end());
  EXPECT_EQ(unique.size(), 10u);
  EXPECT_EQ(normalize_recovery_code("ABCD-efgh jk"), "abcdefghjk");
}

TEST(Tokens, AreRandomAndHashed) {
  const std::string a = new_token(), b = new_token();
  EXPECT_NE(a, b);
  EXPECT_GE(a.size(), 43u);  // 256 bits in base64url
  EXPECT_EQ(token_hash(a).size(), 64u);
  EXPECT_NE(token_hash(a), a);
}

TEST(Permissions, BuiltinRolesUseOnlyKnownPermissions) {
  ASSERT_EQ(builtin_roles().size(), 8u);
  for (const auto& role : builtin_roles()) {
    for (const auto& p : role.permissions) EXPECT_NE(find_permission(p), nullptr) << role.name << ": " << p;
  }
  // The viewer reads only.
  for (const auto& p : builtin_roles().back().permissions) EXPECT_TRUE(std::string_view(p).ends_with(".read")) << p;
  EXPECT_EQ(join_permissions({"b.x", "a.y", "b.x"}), "a.y b.x");
  EXPECT_EQ(split_permissions("a.y  b.x"), (std::vector<std::string>{"a.y", "b.x"}));
}

TEST(StepUp, TheActionHashIgnoresKeyOrderButNotValues) {
  const boost::json::object a{{"type", "refund"}, {"amount", 100}, {"currency", "EUR"}};
  const boost::json::object b{{"currency", "EUR"}, {"amount", 100}, {"type", "refund"}};
  const boost::json::object c{{"type", "refund"}, {"amount", 101}, {"currency", "EUR"}};
  EXPECT_EQ(canonical_action_hash(a), canonical_action_hash(b));
  EXPECT_NE(canonical_action_hash(a), canonical_action_hash(c));
}

TEST(RateLimiter, CountsPerKeyAndMinute) {
  RateLimiter limiter(3);
  const int64_t t = 1'764'000'000'000 - 1'764'000'000'000 % 60'000;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.check("a", t), 0);
  EXPECT_GT(limiter.check("a", t + 1000), 0);
  EXPECT_EQ(limiter.check("b", t + 1000), 0);
  EXPECT_EQ(limiter.check("a", t + 60'000), 0);
}

}  // namespace
}  // namespace kassa::identity
