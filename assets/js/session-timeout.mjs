// Warns 5 minutes before the 30-minute idle sign-out, offers to stay signed in, and moves focus into the
// warning so screen-reader and keyboard users meet it. The server ends the session regardless.
const WARNING_BEFORE_SECONDS = 5 * 60

export function startSessionWarning (body) {
  const timeout = Number(body.dataset.sessionTimeout)
  const dialog = document.getElementById('session-warning')
  if (!timeout || !dialog || typeof dialog.showModal !== 'function') return

  let warnTimer, endTimer
  const schedule = () => {
    clearTimeout(warnTimer)
    clearTimeout(endTimer)
    warnTimer = setTimeout(() => {
      dialog.showModal()
      document.getElementById('session-warning-stay').focus()
    }, Math.max(timeout - WARNING_BEFORE_SECONDS, 1) * 1000)
    endTimer = setTimeout(() => {
      window.location.assign(body.dataset.signOutUrl)
    }, timeout * 1000)
  }

  document.getElementById('session-warning-stay').addEventListener('click', async () => {
    const response = await fetch(body.dataset.keepAliveUrl, { credentials: 'same-origin' })
    dialog.close()
    if (response.ok) {
      schedule()
    } else {
      window.location.assign(body.dataset.signOutUrl)
    }
  })
  schedule()
}
