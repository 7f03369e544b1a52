// Copy-paste examples of a signed event (docs/webhooks.md explains the signature).

export const SAMPLE_EVENT = {
  type: "appointment.booked",
  external_id: "naver-8812",
  occurred_at: "2026-12-01T09:00:00+09:00",
  patient: { chart_no: "A-1001", name: "김민지", phone: "010-1234-5678" },
  appointment: { id: "apt-77", starts_at: "2026-12-03T14:30:00+09:00", procedure: "cataract" },
};

/** bash + openssl + curl: sign the exact bytes sent. */
export function curlExample(url: string, secret: string): string {
  return [
    `SECRET='${secret}'`,
    `BODY='${JSON.stringify(SAMPLE_EVENT)}'`,
    `T=$(date +%s)`,
    `SIG=$(printf '%s.%s' "$T" "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')`,
    `curl -sS -X POST '${url}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "X-DoctorsFlow-Signature: t=$T,v1=$SIG" \\`,
    `  --data-binary "$BODY"`,
  ].join("\n");
}

/** Python 3 standard library only. */
export function pythonExample(url: string, secret: string): string {
  return [
    "import hashlib, hmac, json, time, urllib.request",
    "",
    `SECRET = "${secret}"`,
    `event = ${JSON.stringify(SAMPLE_EVENT, null, 0)}`,
    'body = json.dumps(event, ensure_ascii=False).encode("utf-8")',
    "t = int(time.time())",
    'sig = hmac.new(SECRET.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()',
    "request = urllib.request.Request(",
    `    "${url}", data=body, method="POST",`,
    '    headers={"Content-Type": "application/json", "X-DoctorsFlow-Signature": f"t={t},v1={sig}"},',
    ")",
    "print(urllib.request.urlopen(request).read().decode())",
  ].join("\n");
}
