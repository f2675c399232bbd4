"""What search engines and sharing read: titles and descriptions, structured data, sitemaps, QR codes."""
