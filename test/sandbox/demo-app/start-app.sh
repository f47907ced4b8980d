#!/bin/sh
# Gantry sandbox demo app: busybox httpd on $APP_ADDR serving /version (the version, no newline)
# and /health ("ok <version>", or 404 when the image was built with APP_HEALTH=fail).
: "${APP_ADDR:=127.0.0.1:8080}"
mkdir -p /www
printf '%s' "$APP_VERSION" > /www/version
rm -f /www/health
if [ "$APP_HEALTH" = ok ]; then printf 'ok %s' "$APP_VERSION" > /www/health; fi
printf 'gantry demo app %s\n' "$APP_VERSION" > /www/index.html
echo "demo-app $APP_VERSION on $APP_ADDR (health: $APP_HEALTH)"
httpd -f -p "$APP_ADDR" -h /www &
pid=$!
# As PID 1 the shell gets no default SIGTERM action: without this trap `docker stop` and a compose
# recreate wait the full 10 s grace period before SIGKILL.
trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 0' TERM INT
wait "$pid"
