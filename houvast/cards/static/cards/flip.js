// Turns the two readable sides of a card into one card with a flip button (aria-pressed + live status).
document.querySelectorAll("[data-flipcard]").forEach((flipcard) => {
  const front = flipcard.querySelector(".deckcard--front");
  const back = flipcard.querySelector(".deckcard--back");
  const button = flipcard.querySelector("[data-flip]");
  const status = flipcard.querySelector("[data-flip-status]");
  if (!front || !back || !button) return;
  flipcard.classList.add("flipcard--enhanced");
  back.hidden = true;
  button.hidden = false;
  button.addEventListener("click", () => {
    const showBack = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(showBack));
    front.hidden = showBack;
    back.hidden = !showBack;
    flipcard.classList.toggle("flipcard--back", showBack);
    if (status) status.textContent = showBack ? flipcard.dataset.backStatus : flipcard.dataset.frontStatus;
  });
});
