// Lexi web app: a little JavaScript on top of server-rendered pages. Every page works without it;
// with it, chat replies stream in word by word and running tasks refresh themselves.
(function () {
  "use strict";
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.content : "";

  function $(sel, root) { return (root || document).querySelector(sel); }

  function setCredits(n) {
    var el = $("[data-credits]");
    if (el && typeof n === "number") el.textContent = n.toLocaleString("en-US");
  }

  // Swap in the server-rendered thread and sidebar of a conversation.
  function refresh(url, focusEnd) {
    return fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        ["#thread", "#sidebar"].forEach(function (sel) {
          var fresh = $(sel, doc), old = $(sel);
          if (fresh && old) old.replaceWith(fresh);
        });
        var credits = $("[data-credits]", doc);
        if (credits) $("[data-credits]").textContent = credits.textContent;
        var convInput = $('#chat-form input[name="conversation_id"]');
        var freshConv = $('#chat-form input[name="conversation_id"]', doc);
        if (convInput && freshConv) convInput.value = freshConv.value;
        document.title = doc.title;
        if (focusEnd) { var end = $("#end"); if (end) end.scrollIntoView({ block: "end" }); }
        watchTasks();
      });
  }

  var pollTimer = null;
  function watchTasks() {
    var thread = $("#thread");
    if (pollTimer || !thread || !thread.hasAttribute("data-running")) return;
    pollTimer = setTimeout(function () {
      pollTimer = null;
      refresh(location.pathname, false).catch(function () {});
    }, 1500);
  }

  // Pages with a [data-live] block (a campaign waiting for its start task) refresh it while
  // the task runs.
  var liveTimer = null;
  function watchLive() {
    if (liveTimer || !$("[data-live][data-running]")) return;
    liveTimer = setTimeout(function () {
      liveTimer = null;
      fetch(location.pathname + location.search, { headers: { Accept: "text/html" }, credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          document.querySelectorAll("[data-live]").forEach(function (old) {
            var fresh = doc.getElementById(old.id);
            if (fresh) old.replaceWith(fresh);
          });
          watchLive();
        })
        .catch(function () {});
    }, 1500);
  }

  // Parse a text/event-stream body incrementally and call onEvent(name, data) per event.
  function readEvents(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, "\n");
        var parts = buffer.split("\n\n");
        buffer = parts.pop();
        parts.forEach(function (block) {
          var name = "message", data = [];
          block.split("\n").forEach(function (line) {
            if (line.indexOf("event:") === 0) name = line.slice(6).trim();
            else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
          });
          if (data.length) {
            try { onEvent(name, JSON.parse(data.join("\n"))); } catch (e) { /* not JSON */ }
          }
        });
        return pump();
      });
    }
    return pump();
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function showError(message) {
    var box = $("#chat-error");
    if (!box) return;
    box.textContent = message;
    box.hidden = false;
  }

  function send(form) {
    var textarea = $("#message", form);
    var text = textarea.value.trim();
    if (!text) { showError("Type a message for Lexi first."); textarea.focus(); return; }
    var convId = $('input[name="conversation_id"]', form).value || null;
    var listSelect = $('select[name="list_id"]', form);
    var listId = listSelect && listSelect.value ? listSelect.value : null;
    var button = $("#send", form);
    $("#chat-error").hidden = true;
    button.disabled = true;
    var thread = $("#thread");
    var empty = $(".empty", thread);
    if (empty) empty.remove();
    var mine = el("div", "msg user"); mine.appendChild(el("p", "", text));
    var lexi = el("div", "msg lexi streaming");
    var steps = el("ul", "steps"); steps.setAttribute("aria-label", "What Lexi did");
    var reply = el("p", "reply-live");
    lexi.appendChild(steps); lexi.appendChild(reply);
    var end = $("#end");
    thread.insertBefore(mine, end); thread.insertBefore(lexi, end);
    textarea.value = "";
    var stepItems = {};
    var doneConv = convId;
    fetch("/chat/stream", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream", "X-CSRF-Token": csrf },
      body: JSON.stringify({ message: text, conversation_id: convId, list_id: listId })
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (body) {
          throw new Error((body && body.error && body.error.message) || "Lexi could not answer.");
        }, function () { throw new Error("Lexi could not answer (HTTP " + response.status + ")."); });
      }
      return readEvents(response, function (name, data) {
        if (name === "start") doneConv = data.conversation_id;
        else if (name === "thinking") { var t = el("li", "thinking", data.text); steps.appendChild(t); }
        else if (name === "tool_step") {
          var item = stepItems[data.tool];
          if (!item) { item = el("li"); stepItems[data.tool] = item; steps.appendChild(item); }
          item.textContent = (data.status === "started" ? "… " : data.status === "failed" ? "✗ " : "✓ ") + data.summary;
        }
        else if (name === "text") { reply.textContent += data.delta; }
        else if (name === "done") { doneConv = data.conversation_id; setCredits(data.credits_remaining); }
      });
    }).then(function () {
      if (!doneConv) return;
      var url = "/chat/" + doneConv;
      if (location.pathname !== url) history.pushState(null, "", url);
      return refresh(url, true);
    }).catch(function (err) {
      lexi.remove();
      textarea.value = text;
      showError(err.message);
    }).then(function () {
      button.disabled = false;
      textarea.focus();
    });
  }

  // CSV import: send the rows in batches and move the progress bar after each one.
  function runImport(form) {
    var token = form.getAttribute("data-token");
    var total = parseInt(form.getAttribute("data-total"), 10);
    var mapping = {};
    Array.prototype.forEach.call(form.querySelectorAll("select[name^='map_']"), function (s) {
      if (s.value) mapping[s.name] = s.value;
    });
    var box = $("#import-progress"), bar = $("#import-bar"), status = $("#import-status");
    var button = $("#import-start");
    box.hidden = false; button.disabled = true;
    var created = 0, skipped = 0;
    function step(start) {
      return fetch("/import/" + token + "/batch", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ start: start, mapping: mapping })
      }).then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) {
            var msg = (body.error && body.error.message) || "The import failed.";
            var rows = (body.error && body.error.details && body.error.details.rows) || [];
            rows.slice(0, 5).forEach(function (row) {
              msg += " Row " + row.row + ": " + Object.keys(row.errors).map(function (k) { return k + ": " + row.errors[k]; }).join("; ") + ".";
            });
            throw new Error(msg);
          }
          return body;
        });
      }).then(function (body) {
        created += body.created; skipped += body.skipped;
        bar.value = body.done;
        bar.textContent = Math.round(100 * body.done / total) + "%";
        status.textContent = "Imported " + body.done.toLocaleString("en-US") + " of " + total.toLocaleString("en-US") + " rows.";
        if (!body.finished) return step(body.done);
        status.textContent = "Done: " + created + " new contacts, " + skipped + " already there.";
        var link = document.createElement("a");
        link.href = body.list_id ? "/lists/" + body.list_id : "/lists";
        link.textContent = body.list_id ? " Open the list." : " Open your lists.";
        status.appendChild(link);
      });
    }
    step(0).catch(function (err) {
      status.textContent = err.message;
      status.className = "error";
      button.disabled = false;
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id === "import-form" && window.fetch) {
      event.preventDefault();
      runImport(form);
      return;
    }
    if (form.id === "chat-form" && window.fetch && window.TextDecoder && window.ReadableStream) {
      event.preventDefault();
      send(form);
    }
    if (form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-example]") : null;
    if (target) {
      var box = $("#message");
      box.value = target.getAttribute("data-example");
      box.focus();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.target.id === "message" && event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      var form = $("#chat-form");
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    }
  });

  window.addEventListener("popstate", function () { if (/^\/chat/.test(location.pathname)) location.reload(); });
  document.addEventListener("DOMContentLoaded", function () {
    watchTasks();
    watchLive();
    var end = $("#end");
    if (end && $("#thread .msg")) end.scrollIntoView({ block: "end" });
  });
})();
