"""Built-in plugin (in progress): Taobao/Tmall through the Taobao Open Platform (TOP).

The pieces are here: request signing (`signing`), the gateway client with its typed errors
(`client`, `errors`), the seller's one-click authorization (`oauth`) and the per-shop settings
(`config`). The marketplace source itself is registered here once the sync engine's source
interface is settled; until then this package registers no hooks.
"""
