"""Shopify marketplace source: the protocol layer (GraphQL Admin client, OAuth, HMACs, webhooks).

The modules beside this one speak Shopify's protocol: `client` (GraphQL Admin API with
cost-based throttling), `oauth` (install and token exchange), `hmac` (install/callback query
and webhook signatures), `domains` (shop addresses), `webhooks` (verified deliveries),
`models` (products read into typed values) and `errors`. The source provider built on them
is registered here once the marketplace source interface is final.
"""
