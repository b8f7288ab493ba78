from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kehoach.accounts"
    label = "accounts"
    verbose_name = "Người dùng và phân quyền"
