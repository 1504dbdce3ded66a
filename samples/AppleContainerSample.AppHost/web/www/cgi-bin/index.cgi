#!/bin/sh
# GET /: counts this visit through the API (POST $API_URL/visits) and shows the count.
printf 'Content-Type: text/html; charset=utf-8\r\n\r\n'
reply=$(timeout 5 wget -q -O - --post-data '' "$API_URL/visits" 2>/dev/null)
visits=$(printf '%s' "$reply" | sed -n 's/.*"visits":\([0-9][0-9]*\).*/\1/p')
cat <<HTML
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Aspire on Apple's container runtime</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem">
<h1>Hello from a container</h1>
HTML
if [ -n "$visits" ]; then
  printf '<p id="visits">Visit number <strong>%s</strong>, counted by the API on the host and kept in Redis.</p>\n' "$visits"
else
  printf '<p id="visits">The API at %s did not answer.</p>\n' "$API_URL"
fi
printf '</body>\n</html>\n'
