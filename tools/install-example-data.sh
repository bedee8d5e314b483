#!/usr/bin/env bash
# What the examples use from Debian's packages: Fashion-MNIST (dataset-fashion-mnist, four idx files in
# /usr/share/datasets/fashion-mnist) and Graphviz's dot (for nngraph's SVG pictures). Installs the missing ones where
# apt-get can (as root, or through sudo); otherwise says what to do. Never fails: the examples and tests say what is missing.
set -u
missing=()
[ -e /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || missing+=(dataset-fashion-mnist)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-example-data: no apt-get here; install ${missing[*]} by hand (the README says where to get Fashion-MNIST)" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-example-data: not root and no sudo: run 'apt-get install ${missing[*]}' as root" >&2
    exit 0
  fi
fi
echo "install-example-data: installing ${missing[*]} with apt-get"
$sudo apt-get update -qq >/dev/null 2>&1
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 ||
  echo "install-example-data: apt-get could not install ${missing[*]}" >&2
exit 0
