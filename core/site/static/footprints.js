/* CloudCat footprints: posts page_view, view_item, select_item and click_buy to /collect. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var key = script.getAttribute("data-key");
  var endpoint = script.getAttribute("data-collect") || "/collect";
  var item = script.getAttribute("data-item");
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return (Date.now().toString(16) + Math.random().toString(16).slice(2)).slice(0, 32);
  }
  var visitor = null;
  try { visitor = localStorage.getItem("cc_vid"); } catch (e) { visitor = null; }
  if (!visitor) {
    visitor = newId();
    try { localStorage.setItem("cc_vid", visitor); } catch (e) { /* private mode */ }
  }
  var queue = [];
  var timer = null;
  function flush() {
    if (!queue.length) return;
    var body = JSON.stringify({ events: queue.splice(0, 100) });
    fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", "x-cloudcat-storefront-key": key },
      body: body,
      keepalive: true,
      credentials: "omit"
    }).catch(function () { /* footprints never break the page */ });
  }
  function track(type, properties) {
    queue.push({
      id: newId(), type: type, anonymousId: visitor, occurredAt: new Date().toISOString(),
      url: location.href, properties: properties || {}
    });
    clearTimeout(timer);
    timer = setTimeout(flush, 400);
  }
  track("page_view", { title: document.title, referrer: document.referrer });
  if (item) track("view_item", { item_id: item });
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a") : null;
    if (!link) return;
    var buy = link.getAttribute("data-cc-buy");
    if (buy) {
      link.href = link.href.replace(/([?&]cc_vid=)[^&#]*/, "$1" + encodeURIComponent(visitor));
      track("click_buy", { item_id: buy });
      flush();
      return;
    }
    var selected = link.getAttribute("data-cc-item");
    if (selected) { track("select_item", { item_id: selected }); flush(); }
  }, true);
  window.addEventListener("pagehide", flush);
})();
