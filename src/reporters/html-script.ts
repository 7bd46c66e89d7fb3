/**
 * The HTML report's only script: filters, search and paging over the claim cards. It
 * reads its data from the page's `application/json` block, never from markup, writes
 * only `hidden`, `aria-pressed` and `textContent`, and never builds HTML from strings.
 * Its sha256 goes into the page's CSP, so no other script can run. Without it the
 * report still shows every claim; the filter bar stays hidden.
 */
export const REPORT_SCRIPT = `
(function () {
  "use strict";
  var dataEl = document.getElementById("cc-data");
  var list = document.getElementById("claim-list");
  if (!dataEl || !list) return;
  var data = JSON.parse(dataEl.textContent || "{}");
  var rows = data.claims || [];
  var pageSize = data.pageSize || 100;
  var cards = list.children;
  var limit = pageSize;
  var verdicts = {};
  var status = "all";
  var query = "";
  var pinned = null;
  var shown = document.getElementById("shown");
  var more = document.getElementById("more");
  var search = document.getElementById("q");
  var verdictButtons = document.querySelectorAll("[data-verdict]");
  var statusButtons = document.querySelectorAll("[data-status]");

  function anyVerdict() {
    for (var k in verdicts) if (verdicts[k]) return true;
    return false;
  }
  function matches(row) {
    if (status !== "all" && row[0] !== status) return false;
    if (anyVerdict() && !verdicts[row[1]]) return false;
    if (query && row[2].indexOf(query) < 0) return false;
    return true;
  }
  function apply() {
    var matched = 0, visible = 0;
    for (var i = 0; i < rows.length && i < cards.length; i++) {
      var ok = matches(rows[i]);
      if (ok) matched++;
      var show = (ok && matched <= limit) || cards[i] === pinned;
      if (show) visible++;
      if (cards[i].hidden === show) cards[i].hidden = !show;
    }
    shown.textContent = "Showing " + visible + " of " + matched + " matching claim" + (matched === 1 ? "" : "s") +
      " (" + rows.length + " in all)";
    more.hidden = matched <= limit;
    more.textContent = "Show " + Math.min(pageSize, matched - limit) + " more";
    list.setAttribute("data-visible", String(visible));
  }
  function reset() {
    limit = pageSize;
    pinned = null;
  }
  for (var v = 0; v < verdictButtons.length; v++) {
    verdictButtons[v].addEventListener("click", function (event) {
      var button = event.currentTarget;
      var key = button.getAttribute("data-verdict");
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      verdicts[key] = on;
      reset();
      apply();
    });
  }
  for (var s = 0; s < statusButtons.length; s++) {
    statusButtons[s].addEventListener("click", function (event) {
      status = event.currentTarget.getAttribute("data-status");
      for (var j = 0; j < statusButtons.length; j++) {
        statusButtons[j].setAttribute("aria-pressed", statusButtons[j] === event.currentTarget ? "true" : "false");
      }
      reset();
      apply();
    });
  }
  var timer = 0;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      query = search.value.trim().toLowerCase();
      reset();
      apply();
    }, 120);
  });
  document.getElementById("reset").addEventListener("click", function () {
    verdicts = {};
    status = "all";
    query = "";
    search.value = "";
    for (var a = 0; a < verdictButtons.length; a++) verdictButtons[a].setAttribute("aria-pressed", "false");
    for (var b = 0; b < statusButtons.length; b++) {
      statusButtons[b].setAttribute("aria-pressed", statusButtons[b].getAttribute("data-status") === "all" ? "true" : "false");
    }
    reset();
    apply();
  });
  more.addEventListener("click", function () {
    limit += pageSize;
    apply();
  });
  // A link to a claim (from the timeline, the article or a fact) shows its card even
  // when the filters or the page size hide it.
  function reveal(id) {
    var target = id && document.getElementById(id);
    var card = target && target.closest ? target.closest(".card") : null;
    if (card && card.hidden) {
      pinned = card;
      apply();
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (link) reveal(decodeURIComponent(link.getAttribute("href").slice(1)));
  });
  window.addEventListener("hashchange", function () {
    reveal(decodeURIComponent(location.hash.slice(1)));
  });
  document.getElementById("filters").hidden = false;
  apply();
  if (location.hash) {
    reveal(decodeURIComponent(location.hash.slice(1)));
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el) el.scrollIntoView();
  }
})();
`;
