// Participant form: save a draft on the server while answering, with localStorage as a fallback,
// so a reload or a lost connection loses nothing.
const form = document.getElementById("response-form");
if (form) {
  const key = form.dataset.storageKey;
  const status = document.getElementById("save-status");
  let timer = null;

  const fields = () => Array.from(form.elements).filter((el) => el.name && el.name !== "csrfmiddlewaretoken");

  const snapshot = () => {
    const data = {};
    for (const el of fields()) {
      if (el.type === "radio") {
        if (el.checked) data[el.name] = el.value;
      } else if (el.value) {
        data[el.name] = el.value;
      }
    }
    return data;
  };

  const isEmpty = () => Object.keys(snapshot()).length === 0;

  // Restore from this device when the server had nothing (for example after going offline).
  try {
    const stored = JSON.parse(localStorage.getItem(key) || "null");
    if (stored && isEmpty()) {
      for (const el of fields()) {
        if (!(el.name in stored)) continue;
        if (el.type === "radio") el.checked = el.value === stored[el.name];
        else el.value = stored[el.name];
      }
    }
  } catch {
    /* storage unavailable: the server draft still works */
  }

  const save = async () => {
    const data = snapshot();
    try {
      localStorage.setItem(key, JSON.stringify(data));
    } catch {
      /* ignore */
    }
    const body = new FormData();
    body.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    for (const [name, value] of Object.entries(data)) body.append(name, value);
    try {
      const response = await fetch(form.dataset.draftUrl, { method: "POST", body, credentials: "same-origin" });
      if (response.ok) status.textContent = form.dataset.saved;
      else if (response.status === 410) status.textContent = form.dataset.closed;
      else if (response.status === 429) status.textContent = form.dataset.busy;
      else status.textContent = form.dataset.notSaved;
    } catch {
      status.textContent = form.dataset.offline;
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  };
  form.addEventListener("change", schedule);
  form.addEventListener("input", schedule);
  window.addEventListener("online", save);
  // The copy on this device is removed only once the server confirmed the answers (the thanks page),
  // so a submit that never arrives (lost connection) still loses nothing.

  const errors = document.getElementById("form-errors");
  if (errors) errors.focus();
}

// Thanks page: the answers arrived, so the copy kept on this device is no longer needed.
const sent = document.getElementById("answers-sent");
if (sent) {
  try {
    localStorage.removeItem(sent.dataset.storageKey);
  } catch {
    /* storage unavailable: nothing to remove */
  }
}
