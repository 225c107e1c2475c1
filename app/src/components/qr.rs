//! A QR code that opens a page of this site on a phone (SVG rendered by the server).

use crate::api::qr::page_qr;
use leptos::prelude::*;

/// The QR code of `path`, with the URL it encodes written under it.
#[component]
pub fn QrCode(#[prop(into)] path: String, #[prop(optional)] large: bool) -> impl IntoView {
    let qr = Resource::new_blocking(move || path.clone(), page_qr);
    let class = if large { "qr qr_large" } else { "qr" };
    view! {
        <figure class=class>
            <Suspense>
                {move || {
                    qr.get()
                        .and_then(Result::ok)
                        .map(|qr| {
                            view! {
                                <div class="qr_svg" inner_html=qr.svg></div>
                                <figcaption class="qr_url" data-qr-url=qr.url.clone()>{qr.url.clone()}</figcaption>
                            }
                        })
                }}
            </Suspense>
        </figure>
    }
}
