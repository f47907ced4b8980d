#!/bin/sh
# The demo's build step (`build: sh build.sh`): runs in the new release before it goes live.
set -e
printf 'built %s\n' "$(cat VERSION)" > build-info.txt
