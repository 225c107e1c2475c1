//! Which interfaces "Run all safe ones" runs, and in which order.

use crate::catalog::{Api, Safety};

/// The safe APIs of `apis` (no user action, nothing irreversible), in catalog order but
/// with every API whose ordering rule needs a state key moved after the API that fills
/// it (choose before upload, record before translate). An API whose rule no earlier
/// safe API can satisfy is left out: it waits for the tester.
pub fn safe_run_order(apis: &'static [Api]) -> Vec<&'static Api> {
    let candidates: Vec<&'static Api> = apis.iter().filter(|a| a.safety == Safety::Safe).collect();
    let mut ordered: Vec<&'static Api> = Vec::with_capacity(candidates.len());
    let mut pending = candidates;
    loop {
        let before = ordered.len();
        pending.retain(|api| {
            let ready = match &api.guard {
                None => true,
                Some(guard) => ordered
                    .iter()
                    .any(|done| done.sets.contains(&guard.requires)),
            };
            if ready {
                ordered.push(api);
            }
            !ready
        });
        if pending.is_empty() || ordered.len() == before {
            break;
        }
    }
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{self, Guard, StateKey, Text, APIS};

    #[test]
    fn close_window_pay_and_user_actions_are_never_run() {
        let order = safe_run_order(APIS);
        let ids: Vec<&str> = order.iter().map(|a| a.id).collect();
        for never in [
            "closeWindow",
            "chooseWXPay",
            "addCard",
            "chooseImage",
            "startRecord",
            "scanQRCode0",
        ] {
            assert!(!ids.contains(&never), "{never} must not run by itself");
        }
        assert!(ids.contains(&"checkJsApi"));
        assert!(ids.contains(&"getNetworkType"));
        assert!(order.iter().all(|a| a.safety == catalog::Safety::Safe));
    }

    #[test]
    fn hide_comes_before_show_as_in_the_catalog() {
        let ids: Vec<&str> = safe_run_order(APIS).iter().map(|a| a.id).collect();
        let pos = |id| ids.iter().position(|x| *x == id).unwrap();
        assert!(pos("hideOptionMenu") < pos("showOptionMenu"));
        assert!(pos("hideMenuItems") < pos("showMenuItems"));
    }

    fn leak(apis: Vec<Api>) -> &'static [Api] {
        Box::leak(apis.into_boxed_slice())
    }

    #[test]
    fn an_api_runs_after_the_one_that_fills_its_rule_and_not_without_it() {
        let base = *catalog::api("checkJsApi").unwrap();
        let guard = Guard {
            requires: StateKey::VoiceServerId,
            message: Text { zh: "", en: "" },
        };
        let apis = leak(vec![
            Api {
                id: "uses",
                guard: Some(guard),
                ..base
            },
            Api {
                id: "orphan",
                guard: Some(Guard {
                    requires: StateKey::CardCodes,
                    ..guard
                }),
                ..base
            },
            Api {
                id: "fills",
                sets: &[StateKey::VoiceServerId],
                ..base
            },
        ]);
        let ids: Vec<&str> = safe_run_order(apis).iter().map(|a| a.id).collect();
        assert_eq!(ids, ["fills", "uses"]);
    }
}
