//! The payment authorization directory rule (支付授权目录) on the pay page, with the
//! directory this very page needs: `chooseWXPay` starts only under a directory the
//! merchant platform lists. Server HTML only.

use crate::{api::qr::page_url, i18n::use_i18n, strings};
use leptos::prelude::*;
use wechat::page_url::{page_url_to_sign, SafeDomains, UrlLint};

/// The rule, then `path`'s public URL and its directory (and why it cannot be listed, if
/// the host is an IP address or localhost).
#[component]
pub fn PayDirectory(#[prop(into)] path: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel pay_directory" id="pay-directory">
            <h2>{i18n.t(strings::PAY_DIRECTORY_TITLE)}</h2>
            <p>{i18n.t(strings::PAY_DIRECTORY_RULE)}</p>
            <p>{i18n.t(strings::PAY_DIRECTORY_LIMITS)}</p>
            <p id="pay-directory-failure">{i18n.t(strings::PAY_DIRECTORY_FAILURE)}</p>
            <Suspense>
                {Suspend::new(async move {
                    let url = page_url(path).await.ok()?;
                    let page = page_url_to_sign(&url, &SafeDomains::any()).ok()?;
                    let unlistable = page.lints().contains(&UrlLint::LocalOrIpHost);
                    Some(view! {
                        <dl class="pay_directory_here">
                            <dt>{i18n.t(strings::PAY_DIRECTORY_PAGE)}</dt>
                            <dd><code id="pay-page-url">{url.clone()}</code></dd>
                            <dt>{i18n.t(strings::PAY_DIRECTORY_VALUE)}</dt>
                            <dd><code id="pay-directory-value">{page.payment_directory()}</code></dd>
                        </dl>
                        {unlistable
                            .then(|| view! { <p class="error" id="pay-directory-ip">{i18n.t(strings::PAY_DIRECTORY_IP)}</p> })}
                    })
                })}
            </Suspense>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use crate::strings::PAY_DIRECTORY_LIMITS;
    use wechat::page_url::MAX_PAYMENT_DIRECTORIES;

    #[test]
    fn the_page_says_the_cores_limit() {
        let n = MAX_PAYMENT_DIRECTORIES;
        assert!(PAY_DIRECTORY_LIMITS
            .zh
            .contains(&format!("最多可设置{n}个")));
        assert!(PAY_DIRECTORY_LIMITS.en.contains(&format!("at most {n} ")));
    }
}
