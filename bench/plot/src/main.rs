//! Draws the benchmark charts from `bench/results.json` (written by bench/run.py).
//!
//! Usage: coil-bench-plot RESULTS.json OUT_DIR
//!
//! Writes OUT_DIR/perf-speedup.svg (speedup vs CPython per benchmark and
//! implementation, log scale) and OUT_DIR/perf-warmup.svg (per-iteration
//! times from the `--warmup` run, one small panel per benchmark).

use std::error::Error;
use std::path::Path;

use plotters::prelude::*;
use serde_json::Value;

type Res<T> = Result<T, Box<dyn Error>>;

/// One colour per implementation, the same in both charts.
fn colour(impl_name: &str) -> RGBColor {
    match impl_name {
        "coil" => RGBColor(214, 39, 40),
        "coil-jit" => RGBColor(255, 127, 14),
        "cpython" => RGBColor(31, 119, 180),
        "pypy" => RGBColor(44, 160, 44),
        "c" => RGBColor(110, 110, 110),
        _ => RGBColor(148, 103, 189),
    }
}

struct Bench {
    name: String,
    /// (implementation, median wall seconds) for implementations that ran.
    medians: Vec<(String, f64)>,
    /// (implementation, per-iteration seconds) from the warm-up run.
    warmup: Vec<(String, Vec<f64>)>,
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

fn load(path: &Path) -> Res<(Vec<String>, Vec<Bench>)> {
    let text = std::fs::read_to_string(path)?;
    let root: Value = serde_json::from_str(&text)?;
    let impls: Vec<String> = root["meta"]["impls"]
        .as_array()
        .ok_or("results: meta.impls missing")?
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    let mut benches = Vec::new();
    // serde_json keeps the file's key order only with preserve_order, so the
    // runner's order is recovered from the text itself.
    let obj = root["benchmarks"].as_object().ok_or("results: benchmarks missing")?;
    let mut names: Vec<&String> = obj.keys().collect();
    names.sort_by_key(|n| text.find(&format!("\"{n}\": {{")).unwrap_or(usize::MAX));
    for name in names {
        let b = &obj[name.as_str()];
        let mut medians = Vec::new();
        let mut warmup = Vec::new();
        for imp in &impls {
            let e = &b["impls"][imp.as_str()];
            if e["status"].as_str() != Some("ok") {
                continue;
            }
            let walls: Vec<f64> = e["runs"]
                .as_array()
                .map(|runs| runs.iter().filter_map(|r| r["wall"].as_f64()).collect())
                .unwrap_or_default();
            if let Some(m) = median(walls) {
                medians.push((imp.clone(), m));
            }
            if let Some(w) = e["warmup"].as_array() {
                let times: Vec<f64> = w.iter().filter_map(Value::as_f64).collect();
                if !times.is_empty() {
                    warmup.push((imp.clone(), times));
                }
            }
        }
        benches.push(Bench { name: name.clone(), medians, warmup });
    }
    Ok((impls, benches))
}

/// Horizontal grouped bars on a log axis, starting at 1x (CPython).
fn speedup_chart(impls: &[String], benches: &[Bench], out: &Path) -> Res<()> {
    let shown: Vec<&String> = impls
        .iter()
        .filter(|i| i.as_str() != "cpython" && benches.iter().any(|b| b.medians.iter().any(|(n, _)| n == *i)))
        .collect();
    let rows: Vec<(&Bench, f64)> = benches
        .iter()
        .filter_map(|b| b.medians.iter().find(|(n, _)| n == "cpython").map(|(_, t)| (b, *t)))
        .collect();
    let n = rows.len().max(1);
    let row_h = 14 + 9 * shown.len().max(1) as u32;
    let height = 130 + row_h * n as u32;
    let root = SVGBackend::new(out, (980, height)).into_drawing_area();
    root.fill(&WHITE)?;

    let mut lo: f64 = 0.5;
    let mut hi: f64 = 2.0;
    for (b, base) in &rows {
        for (imp, t) in &b.medians {
            if shown.contains(&imp) {
                let s = base / t;
                lo = lo.min(s);
                hi = hi.max(s);
            }
        }
    }
    let lo = 10f64.powf((lo.log10() - 0.05).floor());
    let hi = 10f64.powf((hi.log10() + 0.05).ceil());

    let mut chart = ChartBuilder::on(&root)
        .caption("Speedup vs CPython (log scale; >1 is faster)", ("sans-serif", 20))
        .margin(12)
        .margin_left(130)
        .margin_top(40)
        .x_label_area_size(36)
        .y_label_area_size(0)
        .build_cartesian_2d((lo..hi).log_scale(), 0f64..n as f64)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_desc("speedup vs CPython")
        .x_label_formatter(&|v| {
            if *v >= 1.0 { format!("{v:.0}x") } else { format!("{v}x") }
        })
        .draw()?;

    let bar = 1.0 / (shown.len() as f64 + 1.0);
    for (row, (b, base)) in rows.iter().enumerate() {
        let y_top = n as f64 - row as f64;
        for (k, imp) in shown.iter().enumerate() {
            let Some((_, t)) = b.medians.iter().find(|(i, _)| i == *imp) else { continue };
            let s = (base / t).clamp(lo, hi);
            let y0 = y_top - bar * (k as f64 + 0.5);
            let y1 = y0 - bar;
            chart.draw_series(std::iter::once(Rectangle::new(
                [(1.0f64.min(s), y0), (1.0f64.max(s), y1)],
                colour(imp).filled(),
            )))?;
        }
        let (px, py) = chart.backend_coord(&(lo, y_top - 0.5));
        root.draw(&Text::new(
            b.name.clone(),
            (px - 8, py),
            ("sans-serif", 13).into_font().into_text_style(&root).pos(text_anchor_right()),
        ))?;
    }
    // 1x line (CPython).
    chart.draw_series(LineSeries::new(vec![(1.0, 0.0), (1.0, n as f64)], BLACK.stroke_width(1)))?;
    legend(&root, &shown, 130, 28)?;
    root.present()?;
    Ok(())
}

fn text_anchor_right() -> plotters::style::text_anchor::Pos {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    Pos::new(HPos::Right, VPos::Center)
}

fn legend<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, impls: &[&String], x: i32, y: i32) -> Res<()>
where
    DB::ErrorType: 'static,
{
    let mut x = x;
    for imp in impls {
        root.draw(&Rectangle::new([(x, y - 6), (x + 14, y + 6)], colour(imp).filled()))?;
        root.draw(&Text::new((*imp).clone(), (x + 20, y - 7), ("sans-serif", 14).into_font()))?;
        x += 40 + 9 * imp.len() as i32;
    }
    Ok(())
}

/// Small multiples: per-iteration time (ms, log scale) against iteration.
fn warmup_chart(impls: &[String], benches: &[Bench], out: &Path) -> Res<()> {
    let with: Vec<&Bench> = benches.iter().filter(|b| !b.warmup.is_empty()).collect();
    let cols = 4usize;
    let rows = with.len().div_ceil(cols).max(1);
    let (w, panel_h) = (1200u32, 210u32);
    let root = SVGBackend::new(out, (w, 80 + panel_h * rows as u32)).into_drawing_area();
    root.fill(&WHITE)?;
    root.draw(&Text::new(
        "Warm-up: time per outer iteration (ms, log scale) vs iteration  (BENCH_WARMUP=1 run)",
        (12, 10),
        ("sans-serif", 20).into_font(),
    ))?;
    let shown: Vec<&String> =
        impls.iter().filter(|i| with.iter().any(|b| b.warmup.iter().any(|(n, _)| n == *i))).collect();
    legend(&root, &shown, 14, 50)?;
    if with.is_empty() {
        root.draw(&Text::new(
            "no warm-up data: run `python3 bench/run.py --warmup`",
            (14, 80),
            ("sans-serif", 16).into_font(),
        ))?;
        root.present()?;
        return Ok(());
    }
    let body = root.margin(70, 0, 0, 0);
    let panels = body.split_evenly((rows, cols));
    for (b, area) in with.iter().zip(panels.iter()) {
        let mut lo = f64::MAX;
        let mut hi: f64 = 0.0;
        let mut max_n = 1usize;
        for (_, t) in &b.warmup {
            for v in t {
                let ms = v * 1e3;
                if ms > 0.0 {
                    lo = lo.min(ms);
                    hi = hi.max(ms);
                }
            }
            max_n = max_n.max(t.len());
        }
        if hi <= 0.0 {
            continue;
        }
        let lo = lo * 0.8;
        let hi = hi * 1.25;
        let mut chart = ChartBuilder::on(area)
            .caption(&b.name, ("sans-serif", 14))
            .margin(6)
            .x_label_area_size(18)
            .y_label_area_size(44)
            .build_cartesian_2d(1f64..max_n as f64, (lo..hi).log_scale())?;
        chart
            .configure_mesh()
            .x_labels(5)
            .y_labels(4)
            .label_style(("sans-serif", 10))
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(&|v| {
                if *v >= 10.0 { format!("{v:.0}") } else if *v >= 1.0 { format!("{v:.1}") } else { format!("{v:.2}") }
            })
            .draw()?;
        for (imp, t) in &b.warmup {
            let c = colour(imp);
            chart.draw_series(LineSeries::new(
                t.iter().enumerate().filter(|(_, v)| **v > 0.0).map(|(i, v)| ((i + 1) as f64, v * 1e3)),
                c.stroke_width(2),
            ))?;
        }
    }
    root.present()?;
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: {} RESULTS.json OUT_DIR", args[0]);
        std::process::exit(2);
    }
    let run = || -> Res<()> {
        let (impls, benches) = load(Path::new(&args[1]))?;
        let dir = Path::new(&args[2]);
        std::fs::create_dir_all(dir)?;
        let speed = dir.join("perf-speedup.svg");
        speedup_chart(&impls, &benches, &speed)?;
        let warm = dir.join("perf-warmup.svg");
        warmup_chart(&impls, &benches, &warm)?;
        eprintln!("wrote {} and {}", speed.display(), warm.display());
        Ok(())
    };
    if let Err(e) = run() {
        eprintln!("bench/plot: {e}");
        std::process::exit(1);
    }
}
