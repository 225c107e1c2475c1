//! Routes whose views live outside the main wasm bundle: the doctor and QA mode.
//!
//! Built with `cargo leptos build --split`, these views are cut out of the main bundle
//! and fetched when their page is opened or hydrated, so the demo pages do not pay for
//! them. The pages are grouped into two lazy functions rather than one per route:
//! wasm-split makes a chunk for every set of split points that share code, and every
//! chunk is one more fetch and instantiation before hydration. The category pages stay
//! in the main bundle for the same reason: split out, they hydrated 1.6× slower than
//! the control page for 24 KB less gzip (see docs/benchmarks.md). Without `--split`
//! these are ordinary routes.

use super::{doctor, qa, qa_reports};
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// The QA mode pages, which share the report model and the runner.
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum QaScreen {
    Run,
    Reports,
    Report,
    Compare,
}

#[lazy]
fn doctor_view() -> AnyView {
    doctor::DoctorPage().into_any()
}

#[lazy]
fn qa_view(page: QaScreen) -> AnyView {
    match page {
        QaScreen::Run => qa::QaPage().into_any(),
        QaScreen::Reports => qa_reports::QaReportsPage().into_any(),
        QaScreen::Report => qa_reports::QaReportPage().into_any(),
        QaScreen::Compare => qa_reports::QaComparePage().into_any(),
    }
}

/// Declares a route type whose view is the given lazy call. `preload` fetches the
/// chunk before the router hydrates or renders the view, as `#[lazy_route]` does;
/// hydration cannot wait in the middle of a view.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident => $view:expr, $preload:ident) => {
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            async fn view(_this: Self) -> AnyView {
                $view.await
            }

            async fn preload() {
                #[cfg(feature = "hydrate")]
                $preload().await;
            }
        }
    };
}

lazy_page!(
    /// `/doctor`: the signature doctor.
    DoctorRoute => doctor_view(), __preload_doctor_view
);
lazy_page!(
    /// `/qa`: the QA run on this device.
    QaRoute => qa_view(QaScreen::Run), __preload_qa_view
);
lazy_page!(
    /// `/qa/reports`: saved QA reports.
    QaReportsRoute => qa_view(QaScreen::Reports), __preload_qa_view
);
lazy_page!(
    /// `/qa/reports/:id`: one saved report.
    QaReportRoute => qa_view(QaScreen::Report), __preload_qa_view
);
lazy_page!(
    /// `/qa/compare`: two reports side by side.
    QaCompareRoute => qa_view(QaScreen::Compare), __preload_qa_view
);
