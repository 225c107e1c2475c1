<?php
// A WeChat JS-SDK signing endpoint: GET /sign?url=<page URL> answers what wx.config needs.
// PHP 8.2 CLI, no extension beyond Debian's php-cli: `php -S 127.0.0.1:$PORT snippets/server/php.php`
// (behind php-fpm the same file works as the /sign script). The contract every snippet
// follows (settings, answers, caching rules) is in snippets/server/README.md.

// Renew 10% of a lifetime early, at most 5 minutes (the Rust core's margin): no page gets a
// ticket about to expire, and WeChat keeps a replaced token working for 5 minutes.
const MAX_REFRESH_MARGIN = 300;
// The token was refused (invalid, or replaced by another server's fetch, or expired).
const TOKEN_REFUSED = [40001, 40014, 42001];

function answer(int $status, array $body): never {
    http_response_code($status);
    header('Content-Type: application/json');
    echo json_encode($body, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    exit;
}

// An errcode becomes the exception's code. `@`: PHP's warning would quote the URL, which
// holds the secret or the token.
function wechat(string $path, array $params): array {
    $base = getenv('WECHAT_API_BASE') ?: 'https://api.weixin.qq.com';
    $context = stream_context_create(['http' => ['timeout' => 5]]);
    $body = @file_get_contents($base . $path . '?' . http_build_query($params), false, $context);
    $json = $body === false ? null : json_decode($body, true);
    if (!is_array($json)) throw new RuntimeException('WeChat could not be reached');
    $errcode = $json['errcode'] ?? 0;
    $errmsg = $json['errmsg'] ?? '';
    if ($errcode !== 0) throw new RuntimeException("WeChat errcode $errcode: $errmsg", $errcode);
    return $json;
}

function entry(string $value, int $expiresIn): array {
    return ['value' => $value, 'renew_at' => time() + $expiresIn - min(intdiv($expiresIn, 10), MAX_REFRESH_MARGIN)];
}

// Every request is a new PHP run, so the cache is a file (outside the web root, readable by
// this user only). flock(LOCK_EX) is held across the read, the refresh and the write: the
// other workers (PHP_CLI_SERVER_WORKERS, php-fpm) wait for the one fetching, then read what it
// wrote, so concurrent first requests make one token fetch and one ticket fetch (single-flight).
function jsapiTicket(string $appId, string $secret): string {
    umask(077);
    $file = fopen(sys_get_temp_dir() . '/wechat-jssdk-' . md5($appId) . '.json', 'c+');
    flock($file, LOCK_EX);
    $cache = $read = json_decode(stream_get_contents($file), true) ?: [];
    $fresh = function (string $key) use (&$cache): bool {
        return isset($cache[$key]) && time() < $cache[$key]['renew_at'];
    };
    try {
        for ($attempt = 0; !$fresh('ticket'); $attempt++) {
            if (!$fresh('token')) {
                $token = wechat('/cgi-bin/token', ['grant_type' => 'client_credential', 'appid' => $appId, 'secret' => $secret]);
                $cache['token'] = entry($token['access_token'], $token['expires_in']);
            }
            try {
                $ticket = wechat('/cgi-bin/ticket/getticket', ['access_token' => $cache['token']['value'], 'type' => 'jsapi']);
                $cache['ticket'] = entry($ticket['ticket'], $ticket['expires_in']);
            } catch (RuntimeException $error) {
                if ($attempt > 0 || !in_array($error->getCode(), TOKEN_REFUSED, true)) throw $error;
                unset($cache['token']); // refused: fetch a new token and retry once
            }
        }
        return $cache['ticket']['value'];
    } finally {
        if ($cache !== $read) { // keep what was fetched, even when a later call failed
            ftruncate($file, 0);
            rewind($file);
            fwrite($file, json_encode($cache));
            fflush($file);
        }
        flock($file, LOCK_UN);
        fclose($file);
    }
}

$appId = getenv('WECHAT_APP_ID');
$secret = getenv('WECHAT_APP_SECRET');
if (!$appId || !$secret) answer(500, ['error' => 'set WECHAT_APP_ID and WECHAT_APP_SECRET']);
if (parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) !== '/sign') answer(404, ['error' => 'GET /sign?url=<page URL>']);
// The browser never sends the #fragment, so WeChat checks the signature without it.
$url = explode('#', (string) ($_GET['url'] ?? ''))[0];
if (!preg_match('#^https?://#', $url)) answer(400, ['error' => "pass the page's http:// or https:// URL as ?url="]);
try {
    $ticket = jsapiTicket($appId, $secret);
} catch (RuntimeException $error) {
    answer(502, ['error' => $error->getMessage()]);
}
$timestamp = time();
$alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
$nonceStr = '';
for ($i = 0; $i < 16; $i++) $nonceStr .= $alphabet[random_int(0, strlen($alphabet) - 1)];
$signature = sha1("jsapi_ticket=$ticket&noncestr=$nonceStr&timestamp=$timestamp&url=$url");
answer(200, ['appId' => $appId, 'timestamp' => $timestamp, 'nonceStr' => $nonceStr, 'signature' => $signature, 'url' => $url]);
