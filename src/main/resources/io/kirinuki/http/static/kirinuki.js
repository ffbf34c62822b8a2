// kirinuki search page: small enhancements only; every feature works without this file.
(function () {
  "use strict";

  // "/" jumps to the search box, as on many search sites (not while typing in a field).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) {
      return;
    }
    var box = document.getElementById("q");
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });

  // "Back to search" returns to the very results page the reader came from (with its scroll
  // position) when there is one in this tab's history; otherwise the plain link to "/" is used.
  document.addEventListener("DOMContentLoaded", function () {
    var back = document.querySelector(".back-link");
    if (!back || !document.referrer) {
      return;
    }
    var from;
    try {
      from = new URL(document.referrer);
    } catch (e) {
      return;
    }
    if (from.origin === window.location.origin && from.pathname === "/" && window.history.length > 1) {
      back.setAttribute("href", from.pathname + from.search);
      back.addEventListener("click", function (event) {
        event.preventDefault();
        window.history.back();
      });
    }
  });
})();
