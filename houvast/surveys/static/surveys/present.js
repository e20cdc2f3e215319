// Presenter view: ← and → follow the previous/next links; a button for the Fullscreen API.
document.addEventListener("keydown", (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, textarea, select")) return;
  const link = document.querySelector(`a[data-key="${event.key}"]`);
  if (link) {
    event.preventDefault();
    window.location.assign(link.href);
  }
});

const button = document.getElementById("fullscreen");
const stage = document.getElementById("presenter");
if (button && stage && document.fullscreenEnabled) {
  button.hidden = false;
  button.addEventListener("click", () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else stage.requestFullscreen();
  });
  document.addEventListener("fullscreenchange", () => {
    button.textContent = document.fullscreenElement ? button.dataset.leave : button.dataset.enter;
  });
}
