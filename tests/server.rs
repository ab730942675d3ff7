//! `fordeling serve` over real HTTP on 127.0.0.1 (a port the system picks): the same bytes as the
//! library, malformed and oversized bodies, a slow client, a policy reload under load, shutdown.
//! Every loop is bounded in count and time; only loopback addresses are used.
#![cfg(all(feature = "server", unix))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fordeling::contract::handle_json;
use serde_json::{json, Value};

struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fordeling"))
            .args(["serve", "--listen", "127.0.0.1:0", "--log", "off"])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let base =
            line.trim().strip_prefix("listening on ").unwrap_or_else(|| panic!("no address: {line:?}")).to_string();
        assert!(base.starts_with("http://127.0.0.1:"), "{base}");
        Server { child, base }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn addr(&self) -> String {
        self.base.trim_start_matches("http://").to_string()
    }

    fn signal(&self, name: &str) {
        let ok = Command::new("kill").args([&format!("-{name}"), &self.child.id().to_string()]).status().unwrap();
        assert!(ok.success());
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// POST a body; the status, the content type and the body.
fn post(agent: &ureq::Agent, url: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String, String) {
    let mut request = agent.post(url);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let mut response = request.send(body).unwrap();
    let status = response.status().as_u16();
    let media = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (status, media, response.body_mut().read_to_string().unwrap())
}

/// POST a body; the status, the content type and the body's bytes.
fn post_bytes(agent: &ureq::Agent, url: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String, Vec<u8>) {
    let mut request = agent.post(url);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let mut response = request.send(body).unwrap();
    let status = response.status().as_u16();
    let media = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (status, media, response.body_mut().read_to_vec().unwrap())
}

fn get(agent: &ureq::Agent, url: &str) -> (u16, String) {
    let mut response = agent.get(url).call().unwrap();
    (response.status().as_u16(), response.body_mut().read_to_string().unwrap())
}

fn example_request(command: &str) -> Value {
    json!({
        "version": 1,
        "command": command,
        "policy": fordeling::example::POLICY,
        "case": fordeling::example::CASE,
        "period": { "from": "2024-01-01", "to": "2024-12-31" }
    })
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fordeling-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn golden_example_is_the_library_answer_byte_for_byte() {
    let server = Server::start(&["--policy", "examples/policy.toml"]);
    let agent = agent();
    for command in ["split", "explain", "postings", "check"] {
        let request = example_request(command).to_string();
        let expected = handle_json(&request) + "\n";
        let (status, media, body) = post(&agent, &server.url(&format!("/v1/{command}")), &[], request.as_bytes());
        assert_eq!((status, media.as_str()), (200, "application/json"), "{command}");
        assert_eq!(body, expected, "{command}");
    }
    // The policy loaded at start, named or not, and the command from the path: the answer is the
    // one for the same request with the policy's text in it.
    let expected = handle_json(&example_request("split").to_string()) + "\n";
    let mut short = example_request("split");
    let map = short.as_object_mut().unwrap();
    map.remove("policy");
    map.remove("command");
    let short = short.to_string();
    for (url, headers) in [
        (server.url("/v1/split"), vec![]),
        (server.url("/v1/split"), vec![("Fordeling-Policy", "policy")]),
        (server.url("/v1/split?policy=policy"), vec![]),
    ] {
        let (status, _, body) = post(&agent, &url, &headers, short.as_bytes());
        assert_eq!(status, 200);
        assert_eq!(body, expected, "{url} {headers:?}");
    }
    // Postings as the CLI's CSV.
    let (status, media, csv) = post(&agent, &server.url("/v1/postings"), &[("Accept", "text/csv")], short.as_bytes());
    assert_eq!((status, media.as_str()), (200, "text/csv; charset=utf-8"));
    assert!(csv.starts_with(fordeling::report::postings::CSV_HEADER), "{csv}");
    // A CSV split is not served.
    assert_eq!(post(&agent, &server.url("/v1/split"), &[("Accept", "text/csv")], short.as_bytes()).0, 406);
    // Health and OpenAPI.
    let (status, health) = get(&agent, &server.url("/v1/health"));
    assert_eq!(status, 200);
    let health: Value = serde_json::from_str(&health).unwrap();
    assert_eq!(health["policies"], json!(["policy"]));
    let (status, openapi) = get(&agent, &server.url("/v1/openapi.json"));
    assert_eq!(status, 200);
    let openapi: Value = serde_json::from_str(&openapi).unwrap();
    assert_eq!(openapi["openapi"], "3.1.0");
    assert!(openapi["paths"]["/v1/split"]["post"].is_object());
    let text = openapi.to_string();
    assert!(!text.contains("#/$defs/"), "every reference points into components");
    for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = &reference[..reference.find('"').unwrap()];
        assert!(openapi["components"]["schemas"][name].is_object(), "dangling reference {name}");
    }
}

#[test]
fn results_are_served_as_workbooks_when_asked_for() {
    use fordeling::contract::xlsx;
    const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let server = Server::start(&["--policy", "examples/policy.toml"]);
    let agent = agent();
    for command in ["split", "explain", "postings", "compare"] {
        let mut request = example_request(command);
        if command == "compare" {
            request["previous_case"] = fordeling::example::CASE.into();
        }
        // The workbook the library writes for the same request, read back cell by cell.
        let full: fordeling::contract::Request = serde_json::from_value(request.clone()).unwrap();
        let expected = xlsx::read_cells(&xlsx::response_workbook(full).unwrap()).unwrap();
        let map = request.as_object_mut().unwrap();
        map.remove("policy");
        map.remove("command");
        let body = request.to_string();
        for accept in [XLSX.to_string(), format!("text/html;q=0.9, {XLSX}")] {
            let url = server.url(&format!("/v1/{command}"));
            let (status, media, bytes) = post_bytes(&agent, &url, &[("Accept", &accept)], body.as_bytes());
            assert_eq!((status, media.as_str()), (200, XLSX), "{command}: {}", String::from_utf8_lossy(&bytes));
            assert!(xlsx::is_workbook(&bytes), "{command}");
            assert_eq!(xlsx::read_cells(&bytes).unwrap(), expected, "{command}");
        }
    }
    // A refused request gets the contract's error answer as JSON, with its status.
    let bad = json!({ "version": 1, "case": fordeling::example::CASE.replace("\"3400.00\"", "\"34,00\"") }).to_string();
    let (status, media, body) = post(&agent, &server.url("/v1/split"), &[("Accept", XLSX)], bad.as_bytes());
    assert_eq!((status, media.as_str()), (400, "application/json"), "{body}");
    assert_eq!(body, handle_json(&bad_full(&bad)) + "\n");
    // A command without a workbook: 406.
    let (status, _, body) = post(&agent, &server.url("/v1/check"), &[("Accept", XLSX)], b"{\"version\":1}");
    assert_eq!(status, 406, "{body}");
}

/// A request without command and policy, with the split command and the example policy put in.
fn bad_full(short: &str) -> String {
    let mut v: Value = serde_json::from_str(short).unwrap();
    v["command"] = "split".into();
    v["policy"] = fordeling::example::POLICY.into();
    v.to_string()
}

#[test]
fn bad_requests_get_the_contracts_error_answers() {
    let server = Server::start(&["--max-body", "100000"]);
    let agent = agent();
    let url = server.url("/v1/split");
    // Malformed JSON: the contract's own error answer, 400.
    for body in ["{\"version\":1", "[]", "", "{\"version\":1,\"command\":\"split\",\"policy\":{},\"x\":1}"] {
        let (status, _, answer) = post(&agent, &url, &[], body.as_bytes());
        assert_eq!(status, 400, "{body}: {answer}");
        assert_eq!(answer, handle_json(body) + "\n", "{body}");
    }
    let (status, _, answer) = post(&agent, &url, &[], b"{\"version\":1,\xff}");
    assert_eq!(status, 400);
    assert!(answer.contains("UTF-8"), "{answer}");
    // No policy given and none loaded.
    let (status, _, answer) = post(&agent, &url, &[], b"{\"version\":1}");
    assert_eq!(status, 400);
    assert!(answer.contains("\"item\":\"policy\""), "{answer}");
    // A command that is not the path's.
    let (status, _, answer) = post(&agent, &url, &[], example_request("explain").to_string().as_bytes());
    assert_eq!(status, 400, "{answer}");
    // A compute error: 422.
    let mut long = example_request("split");
    long["period"] = json!({ "from": "1900-01-01", "to": "2199-12-31" });
    let (status, _, answer) = post(&agent, &url, &[], long.to_string().as_bytes());
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer, handle_json(&long.to_string()) + "\n");
    // Too large: 413, whether the length is declared or the body is chunked.
    let big = vec![b' '; 200_000];
    for head in [
        "POST /v1/split HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n",
        "POST /v1/split HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
    ] {
        let mut stream = TcpStream::connect(server.addr()).unwrap();
        stream.write_all(head.as_bytes()).unwrap();
        let mut sent = Vec::new();
        if head.contains("chunked") {
            for chunk in big.chunks(10_000) {
                sent.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                sent.extend_from_slice(chunk);
                sent.extend_from_slice(b"\r\n");
            }
            sent.extend_from_slice(b"0\r\n\r\n");
        } else {
            sent.extend_from_slice(&big);
        }
        // The server may answer and close before everything is sent.
        let _ = stream.write_all(&sent);
        let (answer, _) = read_until_closed(&mut stream, Duration::from_secs(5));
        assert!(answer.starts_with("HTTP/1.1 413"), "{head}: {answer}");
        assert!(answer.contains("{\"status\":\"error\""), "{answer}");
    }
    // Unknown command and path: 404.
    assert_eq!(post(&agent, &server.url("/v1/nothing"), &[], b"{}").0, 404);
    assert_eq!(get(&agent, &server.url("/v2/health")).0, 404);
}

/// Read what the server sends on a raw connection until it closes it (or `limit` passes).
fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (String, bool) {
    stream.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    let (start, mut got, mut buf) = (Instant::now(), Vec::new(), [0u8; 4096]);
    while start.elapsed() < limit {
        match stream.read(&mut buf) {
            Ok(0) => return (String::from_utf8_lossy(&got).into(), true),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {}
            Err(_) => return (String::from_utf8_lossy(&got).into(), true),
        }
    }
    (String::from_utf8_lossy(&got).into(), false)
}

#[test]
fn a_slow_client_is_cut_off_and_blocks_no_one() {
    let server = Server::start(&["--policy", "examples/policy.toml", "--timeout", "2"]);
    let request = example_request("split").to_string();
    let expected = handle_json(&request) + "\n";
    // A body sent one byte a second, and headers sent one byte a second.
    let mut slow_body = TcpStream::connect(server.addr()).unwrap();
    write!(slow_body, "POST /v1/split HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n").unwrap();
    let mut slow_head = TcpStream::connect(server.addr()).unwrap();
    let started = Instant::now();
    let head = b"POST /v1/split HTTP/1.1\r\nHost: x\r\n";
    let (mut body_cut, mut head_cut) = (None, None);
    let agent = agent();
    for i in 0..8 {
        // Meanwhile others are answered at once.
        let t = Instant::now();
        let (status, _, body) = post(&agent, &server.url("/v1/split"), &[], request.as_bytes());
        assert_eq!(status, 200);
        assert_eq!(body, expected);
        assert!(t.elapsed() < Duration::from_millis(1500), "a request took {:?} beside the slow clients", t.elapsed());
        if body_cut.is_none() && slow_body.write_all(b"{").is_err() {
            body_cut = Some(started.elapsed());
        }
        if head_cut.is_none() && slow_head.write_all(&head[i..i + 1]).is_err() {
            head_cut = Some(started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1000).saturating_sub(t.elapsed()));
    }
    let (answer, closed) = read_until_closed(&mut slow_body, Duration::from_secs(3));
    assert!(answer.starts_with("HTTP/1.1 408"), "the slow body got {answer:?}");
    assert!(answer.contains("\"code\":\"timeout\""), "{answer}");
    assert!(closed || body_cut.is_some(), "the slow body's connection stays open");
    let (_, closed) = read_until_closed(&mut slow_head, Duration::from_secs(3));
    assert!(closed || head_cut.is_some(), "the slow headers' connection stays open");
}

#[test]
fn a_policy_reload_under_load_gives_no_wrong_answer_and_drops_nothing() {
    let dir = temp_dir("reload");
    let file = dir.join("ishoj.toml");
    let policy_a = fordeling::example::POLICY.to_string();
    let original = "name = \"Fælles finansiering, Ishøj og Vallensbæk (eksempel)\"";
    let changed = "name = \"Fælles finansiering, Ishøj og Vallensbæk (eksempel, B)\"";
    assert!(policy_a.contains(original));
    let policy_b = policy_a.replace(original, changed);
    let write = |path: &Path, text: &str| {
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, text).unwrap();
        std::fs::rename(&tmp, path).unwrap();
    };
    write(&file, &policy_a);
    let server = Server::start(&["--policy", dir.to_str().unwrap()]);
    let answer_for = |policy: &str| {
        let mut r = example_request("split");
        r["policy"] = json!(policy);
        handle_json(&r.to_string()) + "\n"
    };
    let (expected_a, expected_b) = (answer_for(&policy_a), answer_for(&policy_b));
    assert!(expected_a != expected_b && expected_b.contains("eksempel, B"));
    let mut short = example_request("split");
    short.as_object_mut().unwrap().remove("policy");
    let short = short.to_string();
    let url = server.url("/v1/split");
    let stop = Instant::now() + Duration::from_secs(20);
    let counts = std::thread::scope(|scope| {
        let clients: Vec<_> = (0..4)
            .map(|_| {
                let (url, short, expected_a, expected_b) = (&url, &short, &expected_a, &expected_b);
                scope.spawn(move || {
                    let agent = agent();
                    let (mut a, mut b) = (0u32, 0u32);
                    for _ in 0..150 {
                        if Instant::now() > stop {
                            break;
                        }
                        let (status, _, body) = post(&agent, url, &[], short.as_bytes());
                        assert_eq!(status, 200, "{body}");
                        if &body == expected_a {
                            a += 1;
                        } else {
                            assert!(&body == expected_b, "an answer from neither policy: {} bytes", body.len());
                            b += 1;
                        }
                    }
                    (a, b)
                })
            })
            .collect();
        for i in 0..10 {
            std::thread::sleep(Duration::from_millis(150));
            write(&file, if i % 2 == 0 { &policy_b } else { &policy_a });
            server.signal("HUP");
        }
        clients.into_iter().map(|c| c.join().unwrap()).fold((0, 0), |s, c| (s.0 + c.0, s.1 + c.1))
    });
    assert!(counts.0 > 0 && counts.1 > 0, "both policies answered: {counts:?}");
    // The last write was policy A; once its reload is through, every answer is A's.
    let agent = agent();
    let settle = Instant::now();
    loop {
        let (_, health) = get(&agent, &server.url("/v1/health"));
        let health: Value = serde_json::from_str(&health).unwrap();
        if health["generation"] == 11 {
            break;
        }
        assert!(settle.elapsed() < Duration::from_secs(10), "reloads not through: {health}");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(post(&agent, &url, &[], short.as_bytes()).2 == expected_a);
    // A broken policy is refused on reload; the one in force stays.
    write(&file, "name = ");
    server.signal("HUP");
    std::thread::sleep(Duration::from_millis(500));
    assert!(post(&agent, &url, &[], short.as_bytes()).2 == expected_a);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sigterm_finishes_and_exits() {
    let mut server = Server::start(&["--policy", "examples/policy.toml"]);
    assert_eq!(get(&agent(), &server.url("/v1/health")).0, 200);
    server.signal("TERM");
    let start = Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "still running after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn cors_is_off_unless_an_origin_is_given() {
    let agent = agent();
    let origin_of = |server: &Server| {
        let response = agent.get(&server.url("/v1/health")).header("Origin", "https://example.invalid").call().unwrap();
        response.headers().get("access-control-allow-origin").map(|v| v.to_str().unwrap().to_string())
    };
    assert_eq!(origin_of(&Server::start(&[])), None);
    let server = Server::start(&["--cors", "https://example.invalid"]);
    assert_eq!(origin_of(&server).as_deref(), Some("https://example.invalid"));
    let response = agent.get(&server.url("/v1/health")).call().unwrap();
    assert!(response.headers().get("x-request-id").is_some());
}

/// The README's curl example, against a server started the README's way (on a free port).
#[test]
fn readme_curl_example_prints_what_the_readme_shows() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("### HTTP service").unwrap()..];
    let block = |fence: &str, nth: usize| {
        let mut rest = section;
        for _ in 0..nth {
            rest = &rest[rest.find(fence).unwrap() + fence.len()..];
        }
        let open = rest.find(fence).unwrap() + fence.len();
        rest[open..open + rest[open..].find("```").unwrap()].to_string()
    };
    let (start, script, shown) = (block("```bash\n", 0), block("```bash\n", 1), block("```text\n", 0));
    assert!(start.contains("fordeling serve --listen 127.0.0.1:8080 --policy examples/policy.toml"), "{start}");
    let server = Server::start(&["--policy", "examples/policy.toml"]);
    let dir = temp_dir("readme");
    let root = env!("CARGO_MANIFEST_DIR");
    let script =
        script.replace("http://127.0.0.1:8080", &server.base).replace("examples/", &format!("{root}/examples/"));
    let out = Command::new("bash").args(["-eu", "-c", &script]).current_dir(&dir).output().unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{printed}{}", String::from_utf8_lossy(&out.stderr));
    for line in shown.lines() {
        assert!(printed.lines().any(|l| l == line), "README line not printed: {line}\n--- printed ---\n{printed}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
