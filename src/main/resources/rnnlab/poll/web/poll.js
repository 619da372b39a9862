// The students' page of an RNN Lab class poll. Everything shown is put in with textContent (never as
// HTML); the page loads nothing from elsewhere and talks only to the server that served it.
(function () {
  "use strict";
  var T = JSON.parse(document.getElementById("text").textContent);
  var lang = document.documentElement.lang === "zh" ? "zh" : "en";
  var $ = function (id) { return document.getElementById(id); };
  var code = new URLSearchParams(location.search).get("c") || "";
  var last = "";          // the last state drawn, to redraw only on a change
  var timer = null;
  var sending = false;

  function t(key, arg) {
    var s = T[key] || key;
    return arg === undefined ? s : s.replace("{0}", String(arg));
  }

  function status(text, bad) {
    var s = $("status");
    s.textContent = text || "";
    s.className = bad ? "status bad" : "status";
  }

  function headers() {
    return { "X-Join-Code": code, "X-Lang": lang };
  }

  function showJoin(message) {
    $("poll").hidden = true;
    $("join").hidden = false;
    status(message || "", !!message);
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(poll, ms);
  }

  function poll() {
    fetch("/state", { headers: headers(), credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return handle(r, false); })
      .catch(function () { status(t("error.net"), true); schedule(3000); });
  }

  // one place for every answer from the server: state, wrong code, too fast, gone
  function handle(r, fromAnswer) {
    if (r.status === 403) { showJoin(t("code.wrong")); return null; }
    if (r.status === 429) {
      if ($("poll").hidden) { showJoin(t("code.slow")); } else { status(t("error.slow"), true); schedule(4000); }
      return null;
    }
    if (r.status === 409 && !fromAnswer) { status(t("error.reload"), true); return null; }
    return r.json().then(function (s) {
      $("join").hidden = true;
      $("poll").hidden = false;
      draw(s);
      if (!fromAnswer) { schedule(1500); }
      return s;
    }, function () { status(t("error.reload"), true); schedule(4000); });
  }

  function draw(s) {
    var key = JSON.stringify([s.v, s.question && s.question.id, s.round, s.open, s.mine, s.answer]);
    if (key === last) { return; }
    last = key;
    var q = s.question;
    var options = $("options");
    while (options.firstChild) { options.removeChild(options.firstChild); }
    $("revealed").hidden = true;
    if (!q) {
      $("question").textContent = "";
      $("round").hidden = true;
      $("number").hidden = true;
      status(t("waiting"), false);
      return;
    }
    $("question").textContent = q.text;
    $("round").hidden = s.round < 2;
    $("round").textContent = s.round >= 2 ? t("round", s.round) + " \u00b7 " + t("round.again") : "";
    if (q.kind === "choice") {
      $("number").hidden = true;
      q.options.forEach(function (label, i) {
        var b = document.createElement("button");
        b.type = "button";
        b.textContent = label;
        b.id = "option-" + (i + 1);
        b.disabled = !s.open;
        if (s.mine === String(i)) { b.className = "chosen"; }
        b.addEventListener("click", function () { send(q.id, s.round, String(i)); });
        options.appendChild(b);
      });
    } else {
      $("number").hidden = false;
      var field = $("number-field");
      field.disabled = !s.open;
      $("number-send").disabled = !s.open;
      if (document.activeElement !== field) { field.value = s.mine === null || s.mine === undefined ? "" : s.mine; }
      $("number").onsubmit = function (e) {
        e.preventDefault();
        var v = field.value.trim();
        if (!/^[+\-\u2212]?(\d+[.,]?\d*|[.,]\d+)([eE][+\-]?\d{1,3})?$/.test(v)) { status(t("error.number"), true); return; }
        field.blur();
        send(q.id, s.round, v);
      };
    }
    if (s.answer !== undefined && s.answer !== null) {
      $("revealed").hidden = false;
      $("revealed").textContent = t("revealed", s.answer);
    }
    var answered = s.mine !== null && s.mine !== undefined;
    status(s.open ? (answered ? t("answer.in") : (q.kind === "choice" ? t("answer.none") : ""))
                  : (answered ? t("closed") : t("closed.none")), false);
  }

  function send(id, round, answer) {
    if (sending) { return; }
    sending = true;
    var body = "q=" + encodeURIComponent(id) + "&r=" + encodeURIComponent(round) + "&a=" + encodeURIComponent(answer);
    var h = headers();
    h["Content-Type"] = "application/x-www-form-urlencoded";
    fetch("/answer", { method: "POST", headers: h, body: body, credentials: "same-origin", cache: "no-store" })
      .then(function (r) {
        if (r.status === 400) { status(t("error.number"), true); return null; }
        if (r.status === 409) { last = ""; poll(); return null; }
        return handle(r, true);
      })
      .catch(function () { status(t("error.net"), true); })
      .then(function () { sending = false; });
  }

  document.title = t("title");
  $("heading").textContent = t("heading");
  $("code-label").textContent = t("code.label");
  $("join-button").textContent = t("code.join");
  $("number-send").textContent = t("send");
  $("number-field").placeholder = t("number.placeholder");
  $("join").addEventListener("submit", function (e) {
    e.preventDefault();
    code = $("code").value.replace(/\s+/g, "").toUpperCase();
    poll();
  });
  if (code) { poll(); } else { showJoin(""); }
})();
