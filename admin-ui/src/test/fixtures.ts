// Plugin catalog entries as the server's built-in plugins describe themselves (captured from
// `{ plugins { ... } }` on a dev server), for tests. `taobao` is written by hand: a marketplace
// source that connects by one-click authorization (supportsAuthorization), which no built-in
// plugin of the dev server does yet.
import type { PluginInfo, ShopPluginState } from '../pages/plugins/types';

export const CATALOG: PluginInfo[] = [
  {
    "name": "default_theme",
    "kind": "THEME",
    "title": "Default theme",
    "description": "A clean, responsive product grid in the shop's language and accent colour.",
    "version": "0.1.0",
    "capabilities": [
      "page.home"
    ],
    "configSchema": {
      "additionalProperties": false,
      "description": "How the default theme looks.",
      "properties": {
        "headline": {
          "anyOf": [
            {
              "maxLength": 200,
              "type": "string"
            },
            {
              "type": "null"
            }
          ],
          "default": null,
          "description": "Shown under the shop name",
          "title": "Headline"
        },
        "accent_color": {
          "default": "#e4393c",
          "description": "Header and price colour, as #rgb or #rrggbb",
          "pattern": "^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$",
          "title": "Accent Color",
          "type": "string"
        }
      },
      "title": "DefaultThemeConfig",
      "type": "object"
    },
    "secretFields": [],
    "supportsAuthorization": false
  },
  {
    "name": "event_store",
    "kind": "ANALYTICS_SINK",
    "title": "CloudCat event store",
    "description": "Keeps every shopper footprint first-party in CloudCat's database, for paths, funnels, abandoned carts and attribution.",
    "version": "0.1.0",
    "capabilities": [
      "events.idempotent",
      "events.store"
    ],
    "configSchema": {
      "additionalProperties": false,
      "description": "The config model of a provider that needs no settings.",
      "properties": {},
      "title": "NoConfig",
      "type": "object"
    },
    "secretFields": [],
    "supportsAuthorization": false
  },
  {
    "name": "feed",
    "kind": "MARKETPLACE_SOURCE",
    "title": "Product feed (JSON/CSV)",
    "description": "Reads the catalog from a JSON or CSV product feed at an http(s) URL, such as an export from a marketplace, an ERP or a spreadsheet.",
    "version": "0.1.0",
    "capabilities": [
      "catalog.full_sync"
    ],
    "configSchema": {
      "$defs": {
        "ColumnMapping": {
          "additionalProperties": false,
          "description": "Which column (CSV) or key (JSON) holds each product field.",
          "properties": {
            "id": {
              "default": "id",
              "description": "Unique product id within the feed",
              "minLength": 1,
              "title": "Id",
              "type": "string"
            },
            "title": {
              "default": "title",
              "minLength": 1,
              "title": "Title",
              "type": "string"
            },
            "price": {
              "default": "price",
              "minLength": 1,
              "title": "Price",
              "type": "string"
            },
            "currency": {
              "default": "currency",
              "minLength": 1,
              "title": "Currency",
              "type": "string"
            },
            "description": {
              "default": "description",
              "minLength": 1,
              "title": "Description",
              "type": "string"
            },
            "image": {
              "default": "image",
              "description": "Image URLs, separated by | or spaces",
              "minLength": 1,
              "title": "Image",
              "type": "string"
            },
            "url": {
              "default": "url",
              "description": "The product's page on the marketplace",
              "minLength": 1,
              "title": "Url",
              "type": "string"
            },
            "status": {
              "default": "status",
              "description": "active or delisted",
              "minLength": 1,
              "title": "Status",
              "type": "string"
            }
          },
          "title": "ColumnMapping",
          "type": "object"
        }
      },
      "additionalProperties": false,
      "description": "Where the feed is and how to read it.",
      "properties": {
        "url": {
          "description": "The feed's http(s) address",
          "format": "uri",
          "maxLength": 2083,
          "minLength": 1,
          "title": "Url",
          "type": "string"
        },
        "format": {
          "default": "auto",
          "description": "auto decides from the Content-Type, the file name, then the content",
          "enum": [
            "auto",
            "json",
            "csv"
          ],
          "title": "Format",
          "type": "string"
        },
        "columns": {
          "$ref": "#/$defs/ColumnMapping"
        },
        "default_currency": {
          "anyOf": [
            {
              "type": "string"
            },
            {
              "type": "null"
            }
          ],
          "default": null,
          "description": "Currency for rows without one (default: the shop's currency)",
          "title": "Default Currency"
        },
        "authorization": {
          "anyOf": [
            {
              "format": "password",
              "type": "string",
              "writeOnly": true
            },
            {
              "type": "null"
            }
          ],
          "description": "Sent as the Authorization header, e.g. 'Bearer <token>'",
          "title": "Authorization",
          "writeOnly": true
        }
      },
      "required": [
        "url"
      ],
      "title": "FeedConfig",
      "type": "object"
    },
    "secretFields": [
      "authorization"
    ],
    "supportsAuthorization": false
  },
  {
    "name": "webhook",
    "kind": "CHANNEL_PUBLISHER",
    "title": "Webhook",
    "description": "Sends each published message as signed JSON to your own endpoint (X-CloudCat-Signature: HMAC-SHA256 of the timestamp and body), for automations and custom channels.",
    "version": "0.1.0",
    "capabilities": [
      "publish.link",
      "publish.text"
    ],
    "configSchema": {
      "additionalProperties": false,
      "description": "Where deliveries go and the secret they are signed with.",
      "properties": {
        "url": {
          "description": "The receiver's http(s) address",
          "format": "uri",
          "maxLength": 2083,
          "minLength": 1,
          "title": "Url",
          "type": "string"
        },
        "secret": {
          "description": "Shared secret for the X-CloudCat-Signature HMAC",
          "format": "password",
          "title": "Secret",
          "type": "string",
          "writeOnly": true
        }
      },
      "required": [
        "url",
        "secret"
      ],
      "title": "WebhookConfig",
      "type": "object"
    },
    "secretFields": [
      "secret"
    ],
    "supportsAuthorization": false
  },
  {
    "name": "taobao",
    "kind": "MARKETPLACE_SOURCE",
    "title": "Taobao / Tmall",
    "description": "Syncs the catalog, promotions and orders of a Taobao or Tmall shop through the Taobao Open Platform; the seller connects the shop by one-click authorization.",
    "version": "0.1.0",
    "capabilities": [
      "catalog.full_sync",
      "oauth"
    ],
    "configSchema": {
      "additionalProperties": false,
      "properties": {
        "app_key": { "maxLength": 64, "minLength": 1, "title": "App Key", "type": "string" },
        "app_secret": { "format": "password", "title": "App Secret", "type": "string", "writeOnly": true }
      },
      "required": ["app_key", "app_secret"],
      "title": "TaobaoConfig",
      "type": "object"
    },
    "secretFields": [
      "app_secret"
    ],
    "supportsAuthorization": true
  }
];

export function pluginInfo(name: string): PluginInfo {
  const found = CATALOG.find((p) => p.name === name);
  if (!found) throw new Error(`no fixture plugin ${name}`);
  return found;
}

/** A shop's state of one plugin, built from the catalog entry. */
export function shopPlugin(name: string, overrides: Partial<ShopPluginState> = {}): ShopPluginState {
  return {
    name,
    enabled: false,
    config: {},
    secretsSet: [],
    health: 'UNKNOWN',
    lastError: null,
    lastErrorAt: null,
    updatedAt: null,
    connected: false,
    accountName: null,
    plugin: pluginInfo(name),
    ...overrides,
  };
}
