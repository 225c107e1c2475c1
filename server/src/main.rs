//! Starts the playground: `server --help` lists every setting.

use clap::Parser;
use server::{config::Settings, rate_limit, router, shutdown, telemetry};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    // A `.env` file is optional; real environment variables win over it.
    let _ = dotenvy::dotenv();
    let settings = Settings::parse();
    telemetry::init(settings.log_format);

    let config = match settings.validate() {
        Ok(config) => config,
        Err(error) => {
            tracing::error!("{error}");
            eprintln!("error: {error}");
            return std::process::ExitCode::from(2);
        }
    };

    let (state, _background) = match router::build_state(&config).await {
        Ok(built) => built,
        Err(error) => {
            tracing::error!("cannot start: {error}");
            eprintln!("error: {error}");
            return std::process::ExitCode::from(1);
        }
    };
    let live = match router::live_hub(&config) {
        Ok(live) => live,
        Err(error) => {
            eprintln!("error: {error}");
            return std::process::ExitCode::from(2);
        }
    };
    let app = rate_limit::apply(router::router_with(state, live), config.sign_rate_limit);

    let listener = match tokio::net::TcpListener::bind(config.site_addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on {}: {error}", config.site_addr);
            return std::process::ExitCode::from(1);
        }
    };
    tracing::info!(
        addr = %config.site_addr,
        mode = if config.is_sandbox() { "sandbox" } else { "live" },
        "listening on http://{}",
        config.site_addr
    );
    if let Err(error) = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown::signal())
    .await
    {
        eprintln!("error: server stopped: {error}");
        return std::process::ExitCode::from(1);
    }
    tracing::info!("shut down cleanly");
    std::process::ExitCode::SUCCESS
}
