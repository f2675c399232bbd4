// Once django-otp-webauthn has registered a passkey, go on to the page the screen names
// (templates/admin/second_factor/passkey_register.html): the recovery codes after an
// enrolment, the sign-in security page otherwise.
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const holder = event.target.closest("[data-done-url]");
  if (holder) {
    window.location.assign(holder.dataset.doneUrl);
  }
});
