// A WeChat JS-SDK signing endpoint: GET /sign?url=<page URL> answers what wx.config needs.
// Go 1.19, standard library only: `go run snippets/server/go.go`. The contract every snippet
// follows (settings, answers, caching rules) is in snippets/server/README.md.
package main

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"math/big"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
)

// Renew 10% of a lifetime early, at most 5 minutes (the Rust core's margin): no page gets a
// ticket about to expire, and WeChat keeps a replaced token working for 5 minutes.
const maxRefreshMargin = 300

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// The token was refused (invalid, or replaced by another server's fetch, or expired).
var tokenRefused = map[int]bool{40001: true, 40014: true, 42001: true}

var (
	appID, appSecret = os.Getenv("WECHAT_APP_ID"), os.Getenv("WECHAT_APP_SECRET")
	apiBase          = getenv("WECHAT_API_BASE", "https://api.weixin.qq.com")
	client           = &http.Client{Timeout: 5 * time.Second}
	mu               sync.Mutex // held across a whole refresh: see jsapiTicket
	token, ticket    entry
)

type entry struct {
	value   string
	renewAt time.Time
}

// answer is what WeChat answers, and an error when its errcode is not 0.
type answer struct {
	Errcode     int    `json:"errcode"`
	Errmsg      string `json:"errmsg"`
	AccessToken string `json:"access_token"`
	Ticket      string `json:"ticket"`
	ExpiresIn   int64  `json:"expires_in"`
}

func (a *answer) Error() string { return fmt.Sprintf("WeChat errcode %d: %s", a.Errcode, a.Errmsg) }

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func call(path string, params url.Values) (*answer, error) {
	response, err := client.Get(apiBase + path + "?" + params.Encode())
	if err != nil { // err quotes the URL, which holds the secret or the token
		return nil, errors.New("WeChat could not be reached")
	}
	defer response.Body.Close()
	var a answer
	if err := json.NewDecoder(response.Body).Decode(&a); err != nil {
		return nil, fmt.Errorf("WeChat answered HTTP %d without JSON", response.StatusCode)
	}
	if a.Errcode != 0 {
		return nil, &a
	}
	return &a, nil
}

func newEntry(value string, expiresIn int64) entry {
	margin := expiresIn / 10
	if margin > maxRefreshMargin {
		margin = maxRefreshMargin
	}
	return entry{value, time.Now().Add(time.Duration(expiresIn-margin) * time.Second)}
}

func (e entry) fresh() bool { return e.value != "" && time.Now().Before(e.renewAt) }

// jsapiTicket holds mu across the refresh and checks the cache once it has it (single-flight):
// concurrent first requests make one token fetch and one ticket fetch, not one each.
func jsapiTicket() (string, error) {
	mu.Lock()
	defer mu.Unlock()
	for attempt := 0; !ticket.fresh(); attempt++ {
		if !token.fresh() {
			fetched, err := call("/cgi-bin/token", url.Values{"grant_type": {"client_credential"}, "appid": {appID}, "secret": {appSecret}})
			if err != nil {
				return "", err
			}
			token = newEntry(fetched.AccessToken, fetched.ExpiresIn)
		}
		fetched, err := call("/cgi-bin/ticket/getticket", url.Values{"access_token": {token.value}, "type": {"jsapi"}})
		var refused *answer
		if errors.As(err, &refused) && attempt == 0 && tokenRefused[refused.Errcode] {
			token = entry{} // refused: fetch a new token and retry once
		} else if err != nil {
			return "", err
		} else {
			ticket = newEntry(fetched.Ticket, fetched.ExpiresIn)
		}
	}
	return ticket.value, nil
}

func reply(w http.ResponseWriter, status int, body map[string]any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	encoder := json.NewEncoder(w)
	encoder.SetEscapeHTML(false) // keep the URL's & as it is
	encoder.Encode(body)
}

func sign(w http.ResponseWriter, r *http.Request) {
	// The browser never sends the #fragment, so WeChat checks the signature without it.
	page := strings.SplitN(r.URL.Query().Get("url"), "#", 2)[0]
	if !strings.HasPrefix(page, "http://") && !strings.HasPrefix(page, "https://") {
		reply(w, http.StatusBadRequest, map[string]any{"error": "pass the page's http:// or https:// URL as ?url="})
		return
	}
	ticketValue, err := jsapiTicket()
	if err != nil {
		reply(w, http.StatusBadGateway, map[string]any{"error": err.Error()})
		return
	}
	nonce := make([]byte, 16)
	for i := range nonce {
		n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		nonce[i] = alphabet[n.Int64()]
	}
	timestamp := time.Now().Unix()
	string1 := fmt.Sprintf("jsapi_ticket=%s&noncestr=%s&timestamp=%d&url=%s", ticketValue, nonce, timestamp, page)
	signature := fmt.Sprintf("%x", sha1.Sum([]byte(string1)))
	reply(w, http.StatusOK, map[string]any{"appId": appID, "timestamp": timestamp, "nonceStr": string(nonce), "signature": signature, "url": page})
}

func main() {
	if appID == "" || appSecret == "" {
		log.Fatal("set WECHAT_APP_ID and WECHAT_APP_SECRET")
	}
	address := "127.0.0.1:" + getenv("PORT", "8080")
	http.HandleFunc("/sign", sign)
	log.Printf("signing on http://%s/sign", address)
	log.Fatal(http.ListenAndServe(address, nil))
}
