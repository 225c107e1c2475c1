// A WeChat JS-SDK signing endpoint: GET /sign?url=<page URL> answers what wx.config needs.
// Java 17, JDK only: `java snippets/server/java/Signer.java`. The contract every snippet
// follows (settings, answers, caching rules) is in snippets/server/README.md.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Signer {
    // Renew 10% of a lifetime early, at most 5 minutes (the Rust core's margin): no page gets a
    // ticket about to expire, and WeChat keeps a replaced token working for 5 minutes.
    static final long MAX_REFRESH_MARGIN = 300;
    // The token was refused (invalid, or replaced by another server's fetch, or expired).
    static final Set<Long> TOKEN_REFUSED = Set.of(40001L, 40014L, 42001L);
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String APP_ID = System.getenv("WECHAT_APP_ID"), APP_SECRET = System.getenv("WECHAT_APP_SECRET");
    static final String API_BASE = System.getenv().getOrDefault("WECHAT_API_BASE", "https://api.weixin.qq.com");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final SecureRandom RANDOM = new SecureRandom();

    record Entry(String value, long renewAt) {}
    static Entry token, ticket; // guarded by Signer.class (synchronized jsapiTicket)

    static class WechatException extends Exception {
        final long errcode;
        WechatException(long errcode, String errmsg) {
            super("WeChat errcode " + errcode + ": " + errmsg);
            this.errcode = errcode;
        }
    }

    // WeChat answers flat JSON, and the JDK has no parser: this reads one string or number
    // field. In a real project use Jackson or Gson.
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(?:\"([^\"]*)\"|(-?\\d+))").matcher(json);
        return !m.find() ? null : m.group(1) != null ? m.group(1) : m.group(2);
    }

    static String call(String path, String query) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(API_BASE + path + "?" + query)).timeout(Duration.ofSeconds(5)).build();
        String body;
        try {
            body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) { // not quoted: the URL holds the secret or the token
            throw new Exception("WeChat could not be reached");
        }
        String errcode = field(body, "errcode");
        if (errcode != null && !errcode.equals("0")) throw new WechatException(Long.parseLong(errcode), field(body, "errmsg"));
        return body;
    }

    static long now() { return System.currentTimeMillis() / 1000; }

    static Entry entry(String body, String name) throws Exception {
        String value = field(body, name), expires = field(body, "expires_in");
        if (value == null || expires == null) throw new Exception("WeChat answered without " + name);
        long expiresIn = Long.parseLong(expires);
        return new Entry(value, now() + expiresIn - Math.min(expiresIn / 10, MAX_REFRESH_MARGIN));
    }

    // Single-flight: synchronized holds the lock across the refresh, and the cache is checked
    // once it is held, so concurrent first requests make one token and one ticket fetch.
    static synchronized String jsapiTicket() throws Exception {
        for (int attempt = 0; ticket == null || now() >= ticket.renewAt(); attempt++) {
            if (token == null || now() >= token.renewAt()) {
                String query = "grant_type=client_credential&appid=" + encode(APP_ID) + "&secret=" + encode(APP_SECRET);
                token = entry(call("/cgi-bin/token", query), "access_token");
            }
            try {
                ticket = entry(call("/cgi-bin/ticket/getticket", "access_token=" + encode(token.value()) + "&type=jsapi"), "ticket");
            } catch (WechatException e) {
                if (attempt > 0 || !TOKEN_REFUSED.contains(e.errcode)) throw e;
                token = null; // refused: fetch a new token and retry once
            }
        }
        return ticket.value();
    }

    static String encode(String value) { return URLEncoder.encode(value, StandardCharsets.UTF_8); }

    static String quote(String s) {
        var out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) { out.write(body); }
    }

    static void sign(HttpExchange exchange) throws IOException {
        String url = "";
        for (String pair : String.valueOf(exchange.getRequestURI().getRawQuery()).split("&")) {
            if (pair.startsWith("url=")) url = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
        }
        url = url.split("#", 2)[0]; // the browser never sends the #fragment, so WeChat signs without it
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            reply(exchange, 400, "{\"error\": \"pass the page's http:// or https:// URL as ?url=\"}");
            return;
        }
        try {
            String ticket = jsapiTicket(), nonce = RANDOM.ints(16, 0, ALPHABET.length())
                    .mapToObj(i -> String.valueOf(ALPHABET.charAt(i))).reduce("", String::concat);
            long timestamp = now();
            String string1 = "jsapi_ticket=" + ticket + "&noncestr=" + nonce + "&timestamp=" + timestamp + "&url=" + url;
            String signature = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(string1.getBytes(StandardCharsets.UTF_8)));
            reply(exchange, 200, "{\"appId\": " + quote(APP_ID) + ", \"timestamp\": " + timestamp + ", \"nonceStr\": " + quote(nonce)
                    + ", \"signature\": " + quote(signature) + ", \"url\": " + quote(url) + "}");
        } catch (Exception e) {
            reply(exchange, 502, "{\"error\": " + quote(String.valueOf(e.getMessage())) + "}");
        }
    }

    public static void main(String[] args) throws IOException {
        if (APP_ID == null || APP_SECRET == null) throw new IllegalStateException("set WECHAT_APP_ID and WECHAT_APP_SECRET");
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/sign", Signer::sign);
        server.setExecutor(Executors.newCachedThreadPool()); // the default runs one request at a time
        server.start();
        System.out.println("signing on http://127.0.0.1:" + port + "/sign");
    }
}
