# Shell helpers for scripts that start `lingyan serve` on loopback (sourced, not run):
#   free_port        → a free TCP port on 127.0.0.1
#   wait_port LOG    → the port the server wrote to LOG ("listening on port N"), waiting up to 60 s
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1200); do grep -q "listening on port" "$1" 2>/dev/null && break; sleep 0.05; done
              sed -n 's/.*listening on port \([0-9]*\).*/\1/p' "$1" | head -1; }
