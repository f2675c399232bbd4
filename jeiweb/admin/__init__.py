"""The staff side: the admin site, the roles and what each may enter, the media library, accounts."""
