//! A QR code that opens a page of this site on a phone (SVG rendered by the server).

use crate::api::qr::page_qr;
use leptos::prelude::*;

/// The QR code of `path`, with the URL it encodes written under it. Server HTML only: made
/// while the page renders (a future, not a resource), so the page carries no copy of it for
/// hydration.
#[component]
pub fn QrCode(#[prop(into)] path: String, #[prop(optional)] large: bool) -> impl IntoView {
    let class = if large { "qr qr_large" } else { "qr" };
    let qr = Suspend::new(async move {
        page_qr(path).await.ok().map(|qr| {
            view! {
                <div class="qr_svg" inner_html=qr.svg></div>
                <figcaption class="qr_url" data-qr-url=qr.url.clone()>{qr.url.clone()}</figcaption>
            }
        })
    });
    view! {
        <figure class=class>
            <Suspense>{qr}</Suspense>
        </figure>
    }
}
