//! The app's one door to the `wechat` core: signs with the cached credentials and turns
//! the core's errors into [`ApiError`]s a page can show. Server only.

use crate::api::{ApiError, ErrorKind};
use std::sync::Arc;
use wechat::{
    api::{
        CardSignature, ConfigErrorCause, ConfigErrorReport, ConfigErrorVerdict, PaySignature,
        SignedJsConfig, VerifyAnswer, VerifyRequest,
    },
    client::{TicketKind, UpstreamError},
    credentials::{ChooseCardFilter, CredentialService},
    page_url::{SafeDomains, UrlError},
    signature::card::CardExtUnsigned,
    signature::pay::{ChooseWxPayParams, PayRequest, PaySignType},
    signature::verify::{Credentials, SignatureCheck, SignatureVerdict},
    Secret,
};

/// The merchant key of the sandboxed pay demo: not a secret, it signs fake orders only.
pub const SANDBOX_MERCHANT_KEY: &str = "sandboxMerchantKeyForThePlayground";

/// Signatures and credentials, shared by every request.
#[derive(Clone)]
pub struct WechatGateway {
    inner: Arc<Inner>,
}

struct Inner {
    service: CredentialService,
    safe_domains: SafeDomains,
    merchant_key: Secret,
}

impl WechatGateway {
    /// A gateway over `service`, refusing pages outside `safe_domains`.
    pub fn new(service: CredentialService, safe_domains: SafeDomains) -> Self {
        WechatGateway {
            inner: Arc::new(Inner {
                service,
                safe_domains,
                merchant_key: Secret::new(SANDBOX_MERCHANT_KEY),
            }),
        }
    }

    /// The credential service (for status, metrics and the background refresher).
    pub fn service(&self) -> &CredentialService {
        &self.inner.service
    }

    /// The appId every signature is made for.
    pub fn app_id(&self) -> &str {
        self.inner.service.app_id()
    }

    /// `wx.config` for `url`.
    pub async fn js_config(
        &self,
        url: &str,
        apis: Vec<String>,
        debug: bool,
    ) -> Result<SignedJsConfig, ApiError> {
        self.inner
            .service
            .js_config(url, &self.inner.safe_domains, apis, Vec::new(), debug)
            .await
            .map_err(api_error)
    }

    /// The `cardExt` JSON string for `wx.addCard`.
    pub async fn card_ext(
        &self,
        card_id: &str,
        code: &str,
        openid: &str,
        unsigned: CardExtUnsigned,
    ) -> Result<String, ApiError> {
        self.inner
            .service
            .card_ext(card_id, code, openid, unsigned)
            .await
            .map(|item| item.card_ext)
            .map_err(api_error)
    }

    /// `cardSign` for `wx.chooseCard`.
    pub async fn card_sign(
        &self,
        card_id: &str,
        card_type: &str,
        location_id: &str,
    ) -> Result<CardSignature, ApiError> {
        let filter = ChooseCardFilter {
            shop_id: location_id.to_owned(),
            card_type: card_type.to_owned(),
            card_id: card_id.to_owned(),
        };
        let params = self
            .inner
            .service
            .card_sign(&filter)
            .await
            .map_err(api_error)?;
        Ok(CardSignature {
            card_sign: params.card_sign,
            timestamp: params.timestamp,
            nonce_str: params.nonce_str,
            card_id: params.card_id,
            card_type: params.card_type,
            location_id: params.shop_id,
        })
    }

    /// A sandbox order signed for `wx.chooseWXPay`.
    pub fn pay_sign(&self, sign_type: PaySignType) -> Result<PaySignature, ApiError> {
        let nonce_str = wechat::nonce::nonce();
        let request = PayRequest {
            app_id: self.app_id().to_owned(),
            timestamp: now_seconds(),
            package: format!("prepay_id=wx_sandbox_{nonce_str}"),
            nonce_str,
            sign_type,
        };
        let params = ChooseWxPayParams::sign(&request, &self.inner.merchant_key);
        Ok(PaySignature {
            timestamp: params.timestamp.to_string(),
            nonce_str: params.nonce_str,
            package: params.package,
            sign_type: params.sign_type,
            pay_sign: params.pay_sign,
        })
    }

    /// The plain code of a card chosen with chooseCard.
    pub async fn decrypt_card_code(&self, encrypt_code: &str) -> Result<String, ApiError> {
        self.inner
            .service
            .decrypt_card_code(encrypt_code)
            .await
            .map_err(|error| match error.errcode() {
                // "invalid serial code": the caller's code, not WeChat, is at fault.
                Some(ERRCODE_INVALID_SERIAL_CODE) => ApiError::bad_input(
                    "encrypt_code is not a code WeChat can decrypt (errcode 40056 invalid serial code)",
                )
                .with_errcode(ERRCODE_INVALID_SERIAL_CODE)
                .with_hint("pass the encrypt_code wx.chooseCard returned, unchanged and encoded with encodeURIComponent"),
                _ => api_error(error),
            })
    }

    /// Checks a `wx.config` the way WeChat's client does: the page's domain, the appId,
    /// and the signature over the jsapi_ticket this server holds.
    pub async fn verify_config(&self, request: &VerifyRequest) -> Result<VerifyAnswer, ApiError> {
        self.verify_config_bound(request, None).await
    }

    /// [`Self::verify_config`] as if the account had bound `bound` as its JS interface safe
    /// domains instead of this server's (a simulator scenario: a domain not bound).
    pub async fn verify_config_bound(
        &self,
        request: &VerifyRequest,
        bound: Option<&SafeDomains>,
    ) -> Result<VerifyAnswer, ApiError> {
        let ticket = self
            .inner
            .service
            .ticket(TicketKind::Jsapi)
            .await
            .map_err(api_error)?;
        let domains = bound.unwrap_or(&self.inner.safe_domains);
        Ok(request.verify(self.app_id(), ticket.expose(), domains))
    }

    /// Checks a card or pay signature the way WeChat does: `cardSign` and `cardExt` over the
    /// wx_card api_ticket held now, `paySign` with the sandbox merchant key.
    pub async fn verify_signature(
        &self,
        check: &SignatureCheck,
    ) -> Result<SignatureVerdict, ApiError> {
        let ticket = if check.needs_card_ticket() {
            Some(
                self.inner
                    .service
                    .ticket(TicketKind::WxCard)
                    .await
                    .map_err(api_error)?,
            )
        } else {
            None
        };
        let held = Credentials {
            app_id: self.app_id(),
            card_ticket: ticket.as_ref().map(Secret::expose).unwrap_or_default(),
            merchant_key: &self.inner.merchant_key,
        };
        Ok(check.verify(&held))
    }
}

impl WechatGateway {
    /// Diagnoses a page's `wx.error`: a signed URL that is not the page's means the page
    /// signed the wrong URL (no refresh helps); otherwise the ticket may have been
    /// replaced, so it is fetched anew (the core's throttle: once a minute at most).
    pub async fn report_config_error(
        &self,
        report: &ConfigErrorReport,
    ) -> Result<ConfigErrorVerdict, ApiError> {
        let cause = report.cause();
        if cause != ConfigErrorCause::Ticket {
            return Ok(report.verdict(cause, false, false));
        }
        // The core allows one forced refresh per interval however many pages report.
        let refreshed = self
            .inner
            .service
            .force_refresh(wechat::credentials::CredentialKind::JsapiTicket)
            .await
            .map_err(api_error)?;
        Ok(report.verdict(cause, refreshed, true))
    }
}

fn now_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// Maps the core's error onto the page-facing error.
/// `40056` of `/card/code/decrypt`: the encrypt_code is not one WeChat issued.
const ERRCODE_INVALID_SERIAL_CODE: i64 = 40056;

pub fn api_error(error: wechat::Error) -> ApiError {
    use wechat::Error as E;
    let kind = match &error {
        E::PageUrl(UrlError::HostNotAllowed { .. }) => ErrorKind::Forbidden,
        E::PageUrl(_) | E::Input(_) => ErrorKind::BadInput,
        E::Upstream(UpstreamError::QuotaExhausted { .. }) => ErrorKind::RateLimited,
        E::Upstream(UpstreamError::Configuration { .. }) => ErrorKind::Configuration,
        E::Upstream(_) => ErrorKind::Upstream,
        E::DailyLimitReached { .. } => ErrorKind::RateLimited,
        E::RefreshAborted => ErrorKind::Internal,
    };
    let mut api = ApiError::new(kind, error.explanation()).with_hint(error.hint());
    api.errcode = error.errcode();
    api
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refresh_refused_by_the_daily_limit_is_a_429_saying_so() {
        let error = api_error(wechat::Error::DailyLimitReached {
            kind: wechat::credentials::CredentialKind::JsapiTicket,
            used: 2000,
            limit: 2000,
        });
        assert_eq!(error.kind, ErrorKind::RateLimited);
        assert_eq!(error.kind.status(), 429);
        assert!(
            error.message.contains("2000 of the 2000"),
            "{}",
            error.message
        );
        assert!(error.message.contains("jsapi_ticket"), "{}", error.message);
        assert!(error.hint.unwrap().contains("midnight"));
    }
}
