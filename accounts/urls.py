from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/security-code/", views.verify, name="verify"),
    path("sign-in/set-up/", views.set_up, name="set_up"),
    path("sign-in/backup-codes/", views.backup_codes, name="backup_codes"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("sign-in/keep-alive/", views.keep_alive, name="keep_alive"),
]
