/* Default theme: live countdowns and a SKU choice that updates the price. */
(function () {
  "use strict";
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  var days = document.documentElement.lang.indexOf("zh") === 0 ? "天 " : "d ";
  function tick() {
    var now = Date.now();
    document.querySelectorAll("time.countdown").forEach(function (el) {
      var end = Date.parse(el.getAttribute("datetime"));
      if (isNaN(end)) return;
      var left = Math.max(0, Math.floor((end - now) / 1000));
      var d = Math.floor(left / 86400), h = Math.floor(left % 86400 / 3600);
      var m = Math.floor(left % 3600 / 60), s = left % 60;
      el.textContent = (d ? d + days : "") + pad(h) + ":" + pad(m) + ":" + pad(s);
    });
  }
  tick();
  setInterval(tick, 1000);
  document.querySelectorAll(".copy").forEach(function (input) {
    input.addEventListener("focus", function () { input.select(); });
  });
  var skus = document.querySelector(".skus");
  var price = document.querySelector(".product-price");
  if (skus && price) {
    skus.addEventListener("change", function (event) {
      var label = event.target.closest("label");
      var chosen = label && label.querySelector(".sku-price");
      if (chosen) price.innerHTML = chosen.innerHTML;
    });
  }
})();
