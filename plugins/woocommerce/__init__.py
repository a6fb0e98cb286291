"""WooCommerce marketplace source: the protocol layer (REST v3 client, webhooks).

The modules beside this one speak WooCommerce's REST API v3: `client` (key authentication,
page headers, variations, retries), `webhooks` (signature verification and the creation ping),
`models` (products and variations read into typed values) and `errors`. The source provider
built on them is registered here once the marketplace source interface is final.
"""
