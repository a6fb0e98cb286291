// A small admin GraphQL client for setting up data and confirming what the UI changed: fetch with
// a cookie jar (the session cookie), JSON bodies, and the server's own Origin (the server refuses
// cross-origin requests that carry a session cookie).

import { randomBytes } from 'node:crypto';

export const PASSWORD = 'e2e-Password-123';

/** A unique value for emails, slugs and names, so that every test has its own accounts. */
export function unique(prefix = 'e2e') {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    this.errors = errors;
  }
}

export class Api {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.cookies = new Map();
  }

  /** Cookies as Playwright's context.addCookies() takes them (to sign a browser in). */
  browserCookies() {
    const { hostname } = new URL(this.baseUrl);
    return [...this.cookies].map(([name, value]) => ({ name, value, domain: hostname, path: '/' }));
  }

  async request(query, variables = {}) {
    const headers = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      Origin: this.baseUrl,
    };
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`POST /graphql answered ${response.status} with non-JSON: ${text.slice(0, 300)}`);
    }
    if (body.errors?.length) throw new GraphQLError(body.errors);
    return body.data;
  }

  async signUp(email, password = PASSWORD, name = 'E2E Seller') {
    const data = await this.request(
      'mutation($email: String!, $password: String!, $name: String!) { signUp(email: $email, password: $password, name: $name) { id email } }',
      { email, password, name },
    );
    return data.signUp;
  }

  async logIn(email, password = PASSWORD) {
    const data = await this.request(
      'mutation($email: String!, $password: String!) { logIn(email: $email, password: $password) { id email } }',
      { email, password },
    );
    return data.logIn;
  }

  async createShop(slug, name = `Shop ${slug}`) {
    const data = await this.request(
      'mutation($slug: String!, $input: ShopInput!) { createShop(slug: $slug, input: $input) { id slug name } }',
      { slug, input: { name, currency: 'CNY', locale: 'en', timezone: 'Asia/Shanghai' } },
    );
    return data.createShop;
  }

  async addMember(shopId, email, role) {
    const data = await this.request(
      'mutation($shopId: ID!, $email: String!, $role: Role!) { addMember(shopId: $shopId, email: $email, role: $role) { role user { email } } }',
      { shopId, email, role },
    );
    return data.addMember;
  }

  async shopPlugin(shopId, name) {
    const data = await this.request(
      'query($id: ID!) { shop(id: $id) { plugins { name enabled config secretsSet health lastError } } }',
      { id: shopId },
    );
    return data.shop.plugins.find((p) => p.name === name);
  }

  async storefrontKeys(shopId) {
    const data = await this.request(
      'query($id: ID!) { shop(id: $id) { storefrontKeys { id name prefix revokedAt } } }',
      { id: shopId },
    );
    return data.shop.storefrontKeys;
  }

  async jobs(shopId) {
    const data = await this.request(
      'query($id: ID!) { shop(id: $id) { jobs(first: 20) { nodes { id kind state result lastError progress { done total fraction message } } } } }',
      { id: shopId },
    );
    return data.shop.jobs.nodes;
  }

  async products(shopId) {
    const data = await this.request(
      'query($id: ID!) { shop(id: $id) { products(first: 50) { nodes { externalId title price { amount currencyCode } } } } }',
      { id: shopId },
    );
    return data.shop.products.nodes;
  }
}

/** Ask the storefront API for the key's shop: { status, slug } (slug is null when refused). */
export async function storefrontShop(baseUrl, key) {
  const response = await fetch(`${baseUrl}/storefront/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CloudCat-Storefront-Key': key },
    body: JSON.stringify({ query: '{ shop { slug } }' }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.json().catch(() => ({}));
  return { status: response.status, slug: body.data?.shop?.slug ?? null };
}

/** A new account, signed in, with a new shop: { api, email, shop }. */
export async function sellerWithShop(baseUrl, prefix = 'seller') {
  const api = new Api(baseUrl);
  const email = `${unique(prefix)}@example.test`;
  await api.signUp(email);
  const shop = await api.createShop(unique('shop'));
  return { api, email, shop };
}
