// The live session page: keeps the stage current over a WebSocket, sends forms with fetch, queues
// changes made while offline, runs the shared countdown and offers drag and drop next to the
// move buttons. Every form also works without this script.
(() => {
  "use strict";

  const root = document.querySelector("[data-live]");
  if (!root) return;
  const stage = document.getElementById("stage");
  const notice = document.getElementById("live-notice");
  const text = (name) => root.dataset["text" + name[0].toUpperCase() + name.slice(1)] || "";
  const queue = [];
  let socket = null;
  let retry = 0;
  let pingTimer = null;
  let loading = null;
  let reloadAgain = false;
  let dirty = new Set();

  const revision = () => {
    const current = stage.querySelector(".stage");
    return current ? parseInt(current.dataset.revision || "0", 10) : 0;
  };

  const say = (message, kind) => {
    if (!notice) return;
    notice.textContent = message || "";
    notice.className = "live-notice" + (message ? " live-notice--" + (kind || "info") : "");
  };

  // --- reloading the stage ------------------------------------------------------------------

  async function reloadStage() {
    if (loading) {
      reloadAgain = true;
      return loading;
    }
    loading = (async () => {
      try {
        const response = await fetch(root.dataset.stageUrl, {
          headers: { Accept: "text/html" },
          credentials: "same-origin",
          cache: "no-store",
        });
        if (response.ok) swapStage(await response.text());
      } catch (error) {
        // Offline: the socket's reconnect will reload once the network is back.
      } finally {
        loading = null;
      }
      if (reloadAgain) {
        reloadAgain = false;
        await reloadStage();
      }
    })();
    return loading;
  }

  const stageOpen = () => {
    const current = stage.querySelector(".stage");
    return !current || current.dataset.open !== "0";
  };

  const isTyped = (field) =>
    field.tagName === "TEXTAREA" || ["text", "email", "search", "url", "tel"].includes(field.type);

  function labelOf(field) {
    const label = field.id && document.querySelector("label[for='" + CSS.escape(field.id) + "']");
    return label ? label.textContent.trim() : "";
  }

  // Text someone typed but could not send (the step changed or the session ended): shown outside the
  // stage, so it survives every reload, until they close it.
  function showUnsent(items, message) {
    let box = document.getElementById("unsent");
    if (!box) {
      box = document.createElement("section");
      box.id = "unsent";
      box.className = "unsent panel";
      box.setAttribute("aria-labelledby", "unsent-title");
      box.innerHTML = '<h2 id="unsent-title"></h2><p class="unsent__why"></p><div class="unsent__items"></div>';
      box.querySelector("h2").textContent = text("unsentTitle");
      box.querySelector("h2").tabIndex = -1;
      const close = document.createElement("button");
      close.type = "button";
      close.className = "button button--small button--secondary";
      close.id = "unsent-close";
      close.textContent = text("unsentClose");
      close.addEventListener("click", () => box.remove());
      box.appendChild(close);
      stage.parentNode.insertBefore(box, stage);
    }
    box.querySelector(".unsent__why").textContent = message;
    const list = box.querySelector(".unsent__items");
    items.forEach((item) => {
      const n = list.children.length + 1;
      const wrap = document.createElement("div");
      wrap.className = "field";
      const label = document.createElement("label");
      label.htmlFor = "unsent-text-" + n;
      label.textContent = item.label || text("unsentTitle");
      const area = document.createElement("textarea");
      area.id = "unsent-text-" + n;
      area.readOnly = true;
      area.rows = 3;
      area.value = item.value;
      const copy = document.createElement("button");
      copy.type = "button";
      copy.className = "button button--small";
      copy.textContent = text("unsentCopy");
      const status = document.createElement("span");
      status.setAttribute("role", "status");
      copy.addEventListener("click", async () => {
        area.select();
        try {
          await navigator.clipboard.writeText(area.value);
        } catch (error) {
          document.execCommand("copy");
        }
        status.textContent = " " + text("unsentCopied");
      });
      wrap.append(label, area, copy, status);
      list.appendChild(wrap);
    });
    say(message, "warning");
  }

  function swapStage(html) {
    const active = document.activeElement;
    const activeId = active && stage.contains(active) ? active.id : "";
    const noteEl = active && active.closest ? active.closest("[id^='note-']") : null;
    const noteId = noteEl && stage.contains(noteEl) ? noteEl.id : "";
    const wasOpen = stageOpen();
    // Also text typed before this script ran (or filled in by the browser): it differs from the page's.
    stage.querySelectorAll("input, textarea").forEach((field) => {
      if (field.id && isTyped(field) && field.value !== field.defaultValue) dirty.add(field.id);
    });
    // Keep what someone is typing: fields they changed and have not sent yet.
    const kept = {};
    const labels = {};
    dirty.forEach((id) => {
      const field = document.getElementById(id);
      if (!field) return;
      kept[id] = field.type === "checkbox" || field.type === "radio" ? field.checked : field.value;
      if (isTyped(field) && field.value !== field.defaultValue) labels[id] = labelOf(field);
    });
    const openDetails = Array.from(stage.querySelectorAll("details[open]"))
      .map((d) => d.querySelector("summary"))
      .filter((s) => s)
      .map((s) => s.closest("details").dataset.key || s.textContent.trim());
    const activeGone = activeId && !html.includes('id="' + activeId + '"');
    stage.innerHTML = html;
    const ended = wasOpen && !stageOpen();
    const unsent = [];
    Object.entries(kept).forEach(([id, value]) => {
      const typed = id in labels && value.trim() !== "";
      const field = document.getElementById(id);
      if (!field) {
        dirty.delete(id);
        if (typed) unsent.push({ label: labels[id], value: value });
        return;
      }
      if (typeof value === "boolean") field.checked = value;
      else field.value = value;
      if (typed && field.defaultValue === value) {
        dirty.delete(id); // the server has this very text: it was saved after all
        return;
      }
      if (ended && typed) unsent.push({ label: labels[id], value: value });
    });
    stage.querySelectorAll("details").forEach((d) => {
      const summary = d.querySelector("summary");
      const key = d.dataset.key || (summary ? summary.textContent.trim() : "");
      if (openDetails.includes(key)) d.open = true;
    });
    const again = (activeId && document.getElementById(activeId)) || (noteId && document.getElementById(noteId));
    if (again) again.focus({ preventScroll: true });
    if (unsent.length) {
      showUnsent(unsent, ended ? text("unsentEnded") : text("unsentStep"));
      if (activeGone) document.getElementById("unsent-title").focus();
    }
    startTimer();
  }

  function typedAndUnsent() {
    return Array.from(dirty).some((id) => {
      const field = document.getElementById(id);
      return field && isTyped(field) && field.value.trim() !== "";
    });
  }

  // --- sending forms ------------------------------------------------------------------------

  function csrfToken(form) {
    const input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  async function send(url, body, token) {
    const response = await fetch(url, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json", "X-CSRFToken": token },
      credentials: "same-origin",
    });
    let data = {};
    try {
      data = await response.json();
    } catch (error) {
      data = { ok: response.ok };
    }
    return { status: response.status, data: data };
  }

  async function submitForm(form) {
    const body = new URLSearchParams(new FormData(form));
    const token = csrfToken(form);
    const fields = Array.from(form.querySelectorAll("[id]")).map((el) => el.id);
    if (!navigator.onLine) {
      queue.push({ url: form.action, body: body, token: token });
      fields.forEach((id) => dirty.delete(id));
      say(text("queued"), "warning");
      return;
    }
    let result;
    try {
      result = await send(form.action, body, token);
    } catch (error) {
      queue.push({ url: form.action, body: body, token: token });
      say(text("queued"), "warning");
      return;
    }
    handleResult(result, form, fields);
  }

  function handleResult(result, form, fields) {
    const data = result.data || {};
    if (data.ok) {
      fields.forEach((id) => dirty.delete(id));
      if (form && form.hasAttribute("data-reset")) {
        form.reset();
      }
      say(data.message || (form && form.dataset.move ? text("moved") : ""), "success");
      if (data.what === "ended") {
        // Reloading the page would throw away what is still typed; the stage reload shows it instead.
        if (typedAndUnsent()) reloadStage();
        else window.location.reload();
        return;
      }
      reloadStage();
    } else {
      say(data.message || text("failed"), "error");
      if (result.status === 409) {
        fields.forEach((id) => dirty.delete(id));
        reloadStage();
      }
    }
  }

  async function flushQueue() {
    if (!queue.length) return;
    const failed = [];
    while (queue.length) {
      const item = queue.shift();
      try {
        const result = await send(item.url, item.body, item.token);
        if (!result.data.ok) failed.push(result.data.message || "");
      } catch (error) {
        queue.unshift(item);
        say(text("queued"), "warning");
        return;
      }
    }
    if (failed.length) say(text("failed") + " " + failed.join(" "), "error");
    else say(text("sent"), "success");
    reloadStage();
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches("form[data-action]") || !stage.contains(form)) return;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    event.preventDefault();
    submitForm(form);
  });

  document.addEventListener("input", (event) => {
    if (event.target.id && stage.contains(event.target)) dirty.add(event.target.id);
  });
  document.addEventListener("change", (event) => {
    if (event.target.id && stage.contains(event.target)) dirty.add(event.target.id);
  });

  // --- the WebSocket ------------------------------------------------------------------------

  function connect() {
    const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + root.dataset.wsPath);
    socket.addEventListener("open", () => {
      if (retry > 0) say(text("online"), "success");
      retry = 0;
      clearInterval(pingTimer);
      pingTimer = setInterval(() => {
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "ping" }));
      }, 25000);
      flushQueue();
    });
    socket.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if ((message.type === "hello" || message.type === "changed") && message.revision > revision()) {
        reloadStage();
      } else if (message.type === "changed" && message.what === "participants") {
        reloadStage();
      }
    });
    socket.addEventListener("close", (event) => {
      clearInterval(pingTimer);
      socket = null;
      if (event.code === 4403) return;
      say(text("offline"), "warning");
      retry += 1;
      const wait = Math.min(30000, 1000 * 2 ** Math.min(retry - 1, 5)) * (0.75 + Math.random() / 2);
      setTimeout(connect, wait);
    });
  }

  window.addEventListener("online", () => {
    flushQueue();
    if (!socket) connect();
  });
  document.addEventListener("visibilitychange", () => {
    // A laptop waking up: catch up at once instead of waiting for the next message.
    if (document.visibilityState === "visible") reloadStage();
  });

  // --- the shared countdown -----------------------------------------------------------------

  let tick = null;
  function startTimer() {
    clearInterval(tick);
    const timer = stage.querySelector("[data-timer]");
    if (!timer) return;
    const clock = timer.querySelector("[data-timer-clock]");
    const state = timer.querySelector("[data-timer-state]");
    const endsAt = Date.now() + parseInt(timer.dataset.remaining || "0", 10) * 1000;
    const show = () => {
      const left = Math.max(0, Math.round((endsAt - Date.now()) / 1000));
      clock.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      if (left <= 0) {
        timer.classList.add("timer--up");
        if (state) state.textContent = text("timeup");
        clearInterval(tick);
      }
    };
    if (timer.dataset.running === "1") {
      show();
      tick = setInterval(show, 1000);
    }
  }

  // --- drag and drop (the move buttons are the keyboard path) -------------------------------

  stage.addEventListener("dragstart", (event) => {
    const note = event.target.closest && event.target.closest("[data-note]");
    if (!note) return;
    event.dataTransfer.setData("text/plain", note.dataset.note);
    event.dataTransfer.effectAllowed = "move";
    note.classList.add("is-dragging");
  });
  stage.addEventListener("dragend", (event) => {
    const note = event.target.closest && event.target.closest("[data-note]");
    if (note) note.classList.remove("is-dragging");
    stage.querySelectorAll(".is-drop-target").forEach((el) => el.classList.remove("is-drop-target"));
  });
  stage.addEventListener("dragover", (event) => {
    const column = event.target.closest && event.target.closest("[data-drop-column]");
    if (!column || !column.dataset.dropColumn) return;
    event.preventDefault();
    column.classList.add("is-drop-target");
  });
  stage.addEventListener("dragleave", (event) => {
    const column = event.target.closest && event.target.closest("[data-drop-column]");
    if (column && !column.contains(event.relatedTarget)) column.classList.remove("is-drop-target");
  });
  stage.addEventListener("drop", (event) => {
    const column = event.target.closest && event.target.closest("[data-drop-column]");
    if (!column || !column.dataset.dropColumn) return;
    event.preventDefault();
    column.classList.remove("is-drop-target");
    const id = event.dataTransfer.getData("text/plain");
    const note = document.getElementById("note-" + id);
    const form = note && note.querySelector("form[data-move='" + column.dataset.dropColumn + "']");
    if (form) submitForm(form);
  });

  startTimer();
  connect();
})();
