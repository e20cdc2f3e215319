// The live session page: keeps the stage current with what the server pushes over a WebSocket (a whole
// shared stage, or a patch of the changed post-its), fills in this person's own parts, sends forms with
// fetch, queues changes made while offline, runs the shared countdown, tells screen readers what
// happened and offers drag and drop next to the move buttons. Every form also works without this script.
// The protocol is described in houvast/workshops/live.py and docs/workshops.md.
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
  const me = root.dataset.me || "";
  // This person's own parts of the current step (their dots, their plan), by slot name.
  let personal = { step: null, slots: {} };
  let personalLoading = null;
  // Pushed messages that arrived before the one they build on.
  const pending = new Map();
  let gapTimer = null;
  let announcedTimeUp = "";

  const current = () => stage.querySelector(".stage");
  const revision = () => {
    const el = current();
    return el ? parseInt(el.dataset.revision || "0", 10) : 0;
  };
  const stepKey = () => {
    const el = current();
    return el ? el.dataset.step || "" : "";
  };
  const setRevision = (value) => {
    const el = current();
    if (el && value > revision()) el.dataset.revision = String(value);
  };

  // A polite message for screen readers that does not show (the visible notice is separate).
  const speaker = document.createElement("p");
  speaker.className = "visually-hidden";
  speaker.setAttribute("role", "status");
  speaker.setAttribute("aria-live", "polite");
  speaker.id = "live-announcer";
  root.appendChild(speaker);
  const announce = (message) => {
    speaker.textContent = "";
    window.setTimeout(() => {
      speaker.textContent = message;
    }, 50);
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
        // The shared stage, as pushed to everyone (compressed once on the server); this screen's own
        // parts come apart. The facilitator and per-person steps get their complete stage.
        const url = root.dataset.stageUrl + (root.dataset.stageUrl.includes("?") ? "&" : "?") + "deel=gedeeld";
        const response = await fetch(url, {
          headers: { Accept: "text/html" },
          credentials: "same-origin",
          cache: "no-store",
        });
        if (response.ok) {
          const shared = response.headers.get("X-Stage") === "shared";
          swapStage(await response.text(), !shared);
          if (shared && stage.querySelector("[data-slot]")) loadPersonal();
        }
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

  // The token of this screen in every form of a stage that was rendered for everyone.
  function fixForms(scope) {
    scope.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach((input) => {
      input.value = root.dataset.csrf || input.value;
    });
    scope.querySelectorAll("[data-owner]").forEach((el) => {
      el.hidden = el.dataset.owner !== me;
    });
  }

  function fillSlots() {
    const el = current();
    if (!el) return;
    const slots = el.querySelectorAll("[data-slot]");
    if (!slots.length) return;
    if (personal.step !== stepKey()) {
      loadPersonal();
      return;
    }
    slots.forEach((slot) => {
      const html = personal.slots[slot.dataset.slot];
      if (html !== undefined && slot.dataset.filled !== html) {
        slot.innerHTML = html;
        slot.dataset.filled = html;
        // Keep what someone is typing in their own part (their plan) while it is filled again.
        slot.querySelectorAll("input, textarea, select").forEach((field) => {
          if (!field.id || !dirty.has(field.id) || !typedValues.has(field.id)) return;
          const value = typedValues.get(field.id);
          if (typeof value === "boolean") field.checked = value;
          else field.value = value;
        });
        fixForms(slot);
      }
    });
  }

  // This person's own parts of the step, fetched after their own action or a new step (never because
  // someone else changed something, unless the server says so).
  async function loadPersonal() {
    if (personalLoading) return personalLoading;
    personalLoading = (async () => {
      try {
        const url = root.dataset.stageUrl + (root.dataset.stageUrl.includes("?") ? "&" : "?") + "deel=eigen";
        const response = await fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin", cache: "no-store" });
        if (!response.ok) return;
        const holder = document.createElement("div");
        holder.innerHTML = await response.text();
        const box = holder.querySelector("[data-personal-step]");
        const slots = {};
        holder.querySelectorAll("template[data-slot]").forEach((t) => {
          slots[t.dataset.slot] = t.innerHTML;
        });
        personal = { step: box ? box.dataset.personalStep : stepKey(), slots: slots };
      } catch (error) {
        return;
      } finally {
        personalLoading = null;
      }
      if (personal.step === stepKey()) fillSlots();
    })();
    return personalLoading;
  }

  function swapStage(html, complete) {
    const oldStep = stepKey();
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
    const openDetails = Array.from(stage.querySelectorAll("details[open]:not([data-key]) > summary")).map((s) =>
      s.textContent.trim(),
    );
    const activeGone = activeId && !html.includes('id="' + activeId + '"');
    stage.innerHTML = html;
    const ended = wasOpen && !stageOpen();
    fixForms(stage);
    if (complete) {
      // A stage fetched for this screen already holds its own parts.
      const slots = {};
      stage.querySelectorAll("[data-slot]").forEach((slot) => {
        slots[slot.dataset.slot] = slot.innerHTML;
        slot.dataset.filled = slot.innerHTML;
      });
      if (Object.keys(slots).length) personal = { step: stepKey(), slots: slots };
    } else {
      fillSlots();
    }
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
    stage.querySelectorAll("details:not([data-key])").forEach((d) => {
      const summary = d.querySelector("summary");
      if (summary && openDetails.includes(summary.textContent.trim())) d.open = true;
    });
    keepFolds(stage);
    const newStep = oldStep && stepKey() !== oldStep;
    const again = (activeId && document.getElementById(activeId)) || (noteId && document.getElementById(noteId));
    if (newStep) {
      // A new step: say so, and bring focus to its heading, unless someone is typing somewhere else.
      const heading = document.getElementById("step-title");
      if (heading) {
        announce(text("newStep") + " " + heading.textContent.trim());
        const typing = active && isTyped(active) && !stage.contains(active);
        if (!typing) {
          heading.tabIndex = -1;
          heading.focus();
        }
      }
    } else if (again) {
      again.focus({ preventScroll: true });
    }
    if (unsent.length) {
      showUnsent(unsent, ended ? text("unsentEnded") : text("unsentStep"));
      if (activeGone) document.getElementById("unsent-title").focus();
    }
    // Once the session has ended, their own part is fetched again (read-only now).
    if (ended && !complete && current() && current().querySelector("[data-slot]")) {
      personal.step = null;
      loadPersonal();
    }
    startTimer();
  }

  // --- folded lists -------------------------------------------------------------------------

  // A list folded in a <details data-key> (the suggestions to merge) keeps the state this person gave it
  // when the stage or its region is replaced. One marked data-open-wide is folded on a phone and opens by
  // itself on a wider screen, until the person folds or opens it.
  const folds = new Map();
  const wideScreen = window.matchMedia("(min-width: 40.01rem)");
  stage.addEventListener(
    "toggle",
    (event) => {
      const details = event.target;
      if (details.tagName === "DETAILS" && details.dataset.key) folds.set(details.dataset.key, details.open);
    },
    true,
  );

  function keepFolds(scope) {
    scope.querySelectorAll("details[data-key]").forEach((details) => {
      const key = details.dataset.key;
      const open = folds.has(key) ? folds.get(key) : details.open || ("openWide" in details.dataset && wideScreen.matches);
      if (details.open !== open) details.open = open;
    });
  }

  // --- applying what the server pushes --------------------------------------------------------

  function elementFrom(html) {
    const holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content;
  }

  function markEmpty() {
    stage.querySelectorAll("ul[data-empty-text]").forEach((list) => {
      const hasNotes = list.querySelector(":scope > li.note");
      const empty = list.querySelector(":scope > li.notes__empty");
      if (hasNotes && empty) empty.remove();
      if (!hasNotes && !empty) {
        const li = document.createElement("li");
        li.className = "muted notes__empty";
        li.textContent = list.dataset.emptyText;
        list.appendChild(li);
      }
    });
  }

  function applyPatch(ops) {
    const active = document.activeElement;
    const activeId = active && stage.contains(active) ? active.id : "";
    const activeNote = active && active.closest ? active.closest("li.note") : null;
    const noteId = activeNote && stage.contains(activeNote) ? activeNote.id : "";
    const openDetails = new Set(
      Array.from(stage.querySelectorAll("li.note details[open]")).map((d) => d.closest("li.note").id),
    );
    ops.forEach((op) => {
      if (op.op === "remove") {
        const old = document.getElementById(op.id);
        if (old && stage.contains(old)) old.remove();
      } else if (op.op === "put") {
        const parent = document.getElementById(op.parent);
        if (!parent || !stage.contains(parent)) return;
        const fragment = elementFrom(op.html);
        const fresh = fragment.firstElementChild;
        if (!fresh) return;
        const old = document.getElementById(op.id);
        if (old && stage.contains(old)) {
          // Keep what was typed in this note's own fields (a reason, a number).
          old.querySelectorAll("input, textarea").forEach((field) => {
            const twin = field.id && dirty.has(field.id) && fresh.querySelector("#" + CSS.escape(field.id));
            if (twin) twin.value = field.value;
          });
          old.remove();
        }
        if (openDetails.has(op.id)) fresh.querySelectorAll("details").forEach((d) => (d.open = true));
        const before = op.before && document.getElementById(op.before);
        if (before && before.parentNode === parent) parent.insertBefore(fresh, before);
        else parent.appendChild(fresh);
        fixForms(fresh);
      } else if (op.op === "regions") {
        const fragment = elementFrom(op.html);
        Array.from(fragment.children).forEach((fresh) => {
          const old = fresh.id && document.getElementById(fresh.id);
          if (old && stage.contains(old)) {
            old.replaceWith(fresh);
            fixForms(fresh);
            keepFolds(fresh);
          }
        });
      }
    });
    markEmpty();
    // Keep a keyboard user's place: the same control, or else the post-it it belonged to.
    const again = (activeId && document.getElementById(activeId)) || (noteId && document.getElementById(noteId));
    if (again && again !== document.activeElement) again.focus({ preventScroll: true });
  }

  function applyTimer(message) {
    const timer = stage.querySelector("[data-timer]");
    if (!timer) return;
    timer.dataset.remaining = String(message.remaining);
    timer.dataset.running = message.running ? "1" : "0";
    const clock = timer.querySelector("[data-timer-clock]");
    if (clock) clock.textContent = message.text;
    const state = timer.querySelector("[data-timer-state]");
    if (state) state.textContent = message.remaining <= 0 ? text("timeup") : message.running ? text("running") : text("paused");
    timer.classList.toggle("timer--up", message.remaining <= 0);
    startTimer();
  }

  // Pushed messages are applied in revision order; one that arrives early waits for the one before it,
  // and when that one does not come within a second the whole stage is fetched instead.
  function receive(message) {
    if (message.revision <= revision()) return;
    pending.set(message.revision, message);
    drain();
  }

  function drain() {
    for (;;) {
      Array.from(pending.keys()).forEach((rev) => {
        if (rev <= revision()) pending.delete(rev);
      });
      if (!pending.size) break;
      const next = Math.min(...pending.keys());
      const message = pending.get(next);
      if (message.type === "stage") {
        pending.delete(next);
        swapStage(message.html, false);
        setRevision(next);
      } else if (message.type === "changed") {
        pending.clear();
        reloadStage();
        return;
      } else if (next === revision() + 1) {
        pending.delete(next);
        if (message.type === "patch") applyPatch(message.ops);
        else if (message.type === "timer") applyTimer(message);
        setRevision(next);
      } else {
        if (!gapTimer) {
          gapTimer = window.setTimeout(() => {
            gapTimer = null;
            if (pending.size) {
              pending.clear();
              reloadStage();
            }
          }, 1000);
        }
        return;
      }
    }
    if (gapTimer) {
      window.clearTimeout(gapTimer);
      gapTimer = null;
    }
  }

  function showCount(count) {
    document.querySelectorAll("[data-participant-count]").forEach((el) => {
      el.textContent = count === 1 ? el.dataset.textOne : el.dataset.textMany.replace("NUMBER", String(count));
    });
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
    return root.dataset.csrf || (input ? input.value : "");
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

  async function submitForm(form, submitter) {
    const body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) body.set(submitter.name, submitter.value);
    const token = csrfToken(form);
    const fields = Array.from(form.querySelectorAll("[id]")).map((el) => el.id);
    const sentValues = valuesOf(form);
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
    handleResult(result, form, fields, sentValues);
  }

  // What each field of a form held when it was sent, by id.
  function valuesOf(form) {
    const values = {};
    form.querySelectorAll("input[id], textarea[id], select[id]").forEach((field) => {
      values[field.id] = field.type === "checkbox" || field.type === "radio" ? field.checked : field.value;
    });
    return values;
  }

  // The answer to a post can come after the person already started on the next one (the change reached
  // their screen over the socket first): only fields that still hold what was sent are emptied.
  function changedSince(field, sentValues) {
    if (!sentValues || !(field.id in sentValues)) return false;
    const now = field.type === "checkbox" || field.type === "radio" ? field.checked : field.value;
    return now !== sentValues[field.id];
  }

  function handleResult(result, form, fields, sentValues) {
    const data = result.data || {};
    if (data.ok) {
      fields.forEach((id) => {
        const field = document.getElementById(id);
        if (field && changedSince(field, sentValues)) return;
        dirty.delete(id);
        typedValues.delete(id);
      });
      if (form && form.hasAttribute("data-reset")) {
        form.querySelectorAll("input, textarea, select").forEach((field) => {
          if (changedSince(field, sentValues)) return;
          if (field.type === "checkbox" || field.type === "radio") field.checked = field.defaultChecked;
          else if (field.tagName === "SELECT") Array.from(field.options).forEach((o) => (o.selected = o.defaultSelected));
          else if (!["hidden", "submit", "button"].includes(field.type)) field.value = field.defaultValue;
        });
      }
      say(data.message || (form && form.dataset.sent) || (form && form.dataset.move !== undefined ? text("moved") : ""), "success");
      if (data.what === "ended") {
        // Reloading the page would throw away what is still typed; the stage reload shows it instead.
        if (typedAndUnsent()) reloadStage();
        else window.location.reload();
        return;
      }
      // What everyone sees arrives over the socket; this person's own part is fetched here. Without a
      // socket (it is reconnecting), fetch the whole stage.
      const el = current();
      if (!socket || socket.readyState !== WebSocket.OPEN || (el && el.dataset.perPerson === "1")) reloadStage();
      else if (el && el.dataset.personal === "1") loadPersonal();
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
    submitForm(form, event.submitter);
  });

  // What someone typed or ticked and has not sent, by field id: put back whenever their part is filled again.
  const typedValues = new Map();
  const remember = (field) => {
    if (!field.id || !stage.contains(field)) return;
    dirty.add(field.id);
    typedValues.set(field.id, field.type === "checkbox" || field.type === "radio" ? field.checked : field.value);
  };
  document.addEventListener("input", (event) => remember(event.target));
  document.addEventListener("change", (event) => remember(event.target));

  // --- the WebSocket ------------------------------------------------------------------------

  // Long messages come as gzip-compressed bytes (compressed once on the server for everyone).
  function decode(data) {
    if (typeof data === "string") return Promise.resolve(JSON.parse(data));
    if (typeof DecompressionStream === "undefined") return Promise.reject(new Error("no gzip"));
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  function handleMessage(message) {
    if (message.type === "hello") {
      if (message.revision > revision()) reloadStage();
    } else if (message.type === "count") {
      showCount(message.participants);
    } else if (message.type === "personal") {
      loadPersonal();
    } else if (message.revision) {
      receive(message);
    }
  }

  // Decoding bytes waits, so each message waits its turn behind the one before: handled in order.
  // A message this browser cannot read makes it fetch its stage, as after a gap.
  let reading = Promise.resolve();

  function connect() {
    const scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + root.dataset.wsPath);
    socket.binaryType = "arraybuffer";
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
      reading = reading
        .then(() => decode(event.data))
        .then(handleMessage, () => reloadStage())
        .catch((error) => console.error(error));
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
        if (announcedTimeUp !== stepKey()) {
          announcedTimeUp = stepKey();
          announce(text("timeupSaid"));
        }
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
    const button = note && note.querySelector("form[data-move] button[value='" + column.dataset.dropColumn + "']");
    if (button) submitForm(button.form, button);
  });

  fixForms(stage);
  keepFolds(stage);
  if ("sharedStage" in root.dataset) {
    // The first load brought the stage every participant gets (compressed); this screen's own parts come apart.
    fillSlots();
  } else if (current() && current().querySelector("[data-slot]")) {
    const slots = {};
    stage.querySelectorAll("[data-slot]").forEach((slot) => {
      slots[slot.dataset.slot] = slot.innerHTML;
      slot.dataset.filled = slot.innerHTML;
    });
    personal = { step: stepKey(), slots: slots };
  }
  startTimer();
  connect();
})();
