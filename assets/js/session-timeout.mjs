// Warns 5 minutes before the 30-minute idle sign-out, offers to stay signed in, and moves focus into the
// warning so screen-reader and keyboard users meet it. The server ends the session regardless.
const WARNING_BEFORE_SECONDS = 5 * 60

// A form marked data-autosave-on-timeout is saved as a draft when the warning appears, so nothing typed is
// lost if the person has walked away. The server answers with the draft's address for later saves.
async function autosave () {
  const form = document.querySelector('form[data-autosave-on-timeout]')
  if (!form) return
  const data = new FormData(form)
  data.append('save_draft', '1')
  try {
    const response = await fetch(form.getAttribute('action'), {
      method: 'POST',
      body: data,
      credentials: 'same-origin',
      headers: { 'X-Autosave': '1' }
    })
    if (!response.ok) return
    const result = await response.json()
    form.setAttribute('action', result.action)
    document.getElementById('session-warning-saved').hidden = false
  } catch (error) {
    // Offline or signed out already: the server-side rules still apply; nothing more to do here.
  }
}

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
      autosave()
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
