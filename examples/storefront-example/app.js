// A storefront on CloudCat's storefront GraphQL API alone: no framework, no build step.
//
// Configuration comes from the page's URL: ?key=<publishable key>&api=<storefront API URL>
// (the API defaults to http://127.0.0.1:8000/storefront/graphql, what `make dev` serves).
// Queries go out as Apollo-style persisted queries: a GET carrying only the query's SHA-256
// (cacheable by the browser and any CDN: ETag, Cache-Control), and, the first time the server
// has not seen that hash, one POST that registers it.
"use strict";

const params = new URLSearchParams(window.location.search);
const API = params.get("api") || "http://127.0.0.1:8000/storefront/graphql";
const KEY = params.get("key") || "";
const PAGE_SIZE = 12;

const SHOP_QUERY = /* GraphQL */ `
  query Shop { shop { name currency locale } }
`;

const PRODUCTS_QUERY = /* GraphQL */ `
  query Products($first: Int, $after: String, $search: String) {
    products(first: $first, after: $after, search: $search) {
      edges { cursor node { id handle title imageUrls price { amount currencyCode } salePrice { amount } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const PRODUCT_QUERY = /* GraphQL */ `
  query Product($handle: String!) {
    productByHandle(handle: $handle) {
      id handle title description url imageUrls
      price { amount currencyCode }
      compareAtPrice { amount }
      salePrice { amount }
      variants { id title sku stock imageUrl price { amount currencyCode } options { name value } }
      promotions { name endsAt variantPrices { variantId price { amount } } }
    }
  }
`;

async function sha256(text) {
  const bytes = new TextEncoder().encode(text);
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function graphql(query, variables = {}) {
  const extensions = { persistedQuery: { version: 1, sha256Hash: await sha256(query) } };
  const url = new URL(API);
  url.searchParams.set("storefrontKey", KEY);
  url.searchParams.set("variables", JSON.stringify(variables));
  url.searchParams.set("extensions", JSON.stringify(extensions));
  let body = await (await fetch(url)).json();
  const notFound = (body.errors || []).some((e) => e.extensions && e.extensions.code === "PERSISTED_QUERY_NOT_FOUND");
  if (notFound) {
    const response = await fetch(API, {
      method: "POST",
      headers: { "content-type": "application/json", "x-cloudcat-storefront-key": KEY },
      body: JSON.stringify({ query, variables, extensions }),
    });
    body = await response.json();
  }
  if (body.errors && body.errors.length) {
    throw new Error(body.errors.map((e) => e.message).join("; "));
  }
  return body.data;
}

function money(price) {
  return price ? `${price.amount} ${price.currencyCode || ""}`.trim() : "";
}

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.textContent = text; // text only: nothing from the API is ever parsed as HTML
  return node;
}

const $ = (id) => document.getElementById(id);
let search = "";
let after = null;

function status(text) {
  $("status").textContent = text;
}

async function listProducts(reset) {
  if (reset) {
    after = null;
    $("products").replaceChildren();
  }
  status("Loading…");
  const data = await graphql(PRODUCTS_QUERY, { first: PAGE_SIZE, after, search: search || null });
  for (const { node } of data.products.edges) {
    const link = element("a", { href: `#/products/${encodeURIComponent(node.handle)}` });
    if (node.imageUrls.length) link.append(element("img", { src: node.imageUrls[0], alt: node.title, loading: "lazy" }));
    link.append(element("h3", {}, node.title));
    const price = node.salePrice ? `${node.salePrice.amount} ${node.price.currencyCode}` : money(node.price);
    link.append(element("p", { class: "price" }, price));
    const item = element("li");
    item.append(link);
    $("products").append(item);
  }
  after = data.products.pageInfo.endCursor;
  $("more").hidden = !data.products.pageInfo.hasNextPage;
  const none = !$("products").children.length;
  status(none ? (search ? `No products match “${search}”.` : "No products yet.") : "");
}

function showVariant(product, variant) {
  const promoted = (product.promotions || [])
    .flatMap((p) => p.variantPrices)
    .find((v) => variant && v.variantId === variant.id);
  const price = variant ? variant.price : product.price;
  $("detail-price").textContent = promoted ? `${promoted.price.amount} ${price.currencyCode}` : money(price);
  $("detail-compare").textContent = promoted ? money(price) : "";
  $("detail-stock").textContent = variant && variant.stock != null ? `${variant.stock} in stock` : "";
  const image = (variant && variant.imageUrl) || product.imageUrls[0] || "";
  $("detail-image").src = image;
  $("detail-image").alt = product.title;
}

async function showProduct(handle) {
  status("Loading…");
  const { productByHandle: product } = await graphql(PRODUCT_QUERY, { handle });
  $("list").hidden = true;
  $("detail").hidden = false;
  if (!product) {
    status("This product is no longer available.");
    $("detail").hidden = true;
    return;
  }
  status("");
  document.title = product.title;
  $("detail-title").textContent = product.title;
  $("detail-description").textContent = product.description;
  $("detail-buy").href = product.url;
  const select = $("sku");
  select.replaceChildren();
  for (const variant of product.variants) {
    const label = variant.options.map((o) => `${o.name}: ${o.value}`).join(" / ") || variant.title || variant.sku;
    select.append(element("option", { value: variant.id }, label));
  }
  select.hidden = !product.variants.length;
  select.onchange = () => showVariant(product, product.variants.find((v) => v.id === select.value));
  showVariant(product, product.variants[0]);
}

async function route() {
  const match = window.location.hash.match(/^#\/products\/(.+)$/);
  try {
    if (match) {
      await showProduct(decodeURIComponent(match[1]));
    } else {
      $("detail").hidden = true;
      $("list").hidden = false;
      if (!$("products").children.length) await listProducts(true);
    }
  } catch (error) {
    status(`The storefront API said: ${error.message}`);
  }
}

async function start() {
  if (!KEY) {
    status("Add ?key=<your publishable storefront key> to this page's address.");
    return;
  }
  try {
    const { shop } = await graphql(SHOP_QUERY);
    $("shop-name").textContent = shop.name;
    document.documentElement.lang = shop.locale;
  } catch (error) {
    status(`The storefront API said: ${error.message}`);
    return;
  }
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search = $("search").value.trim();
    window.location.hash = "";
    $("detail").hidden = true;
    $("list").hidden = false;
    listProducts(true).catch((error) => status(`The storefront API said: ${error.message}`));
  });
  $("more").addEventListener("click", () => listProducts(false));
  $("back").addEventListener("click", () => { window.location.hash = ""; });
  window.addEventListener("hashchange", route);
  await route();
}

start();
