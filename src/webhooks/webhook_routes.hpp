#pragma once
#include "identity/guard.hpp"
#include "webhooks/webhooks.hpp"

namespace kassa::webhooks {

void add_webhook_routes(identity::Guard& guard, WebhookService& webhooks);

}  // namespace kassa::webhooks
