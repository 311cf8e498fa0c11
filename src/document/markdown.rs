//! The minutes body, typed in the editor and stored as Markdown, as document paragraphs:
//! headings bold, bold and italic kept, list items with their bullet or number. Minutes
//! typed before the editor are plain lines: every line break starts a paragraph.

use docx_rs::{Paragraph, Run};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::format::{body, text};

/// The paragraphs of a Markdown minutes body at `size` half-points.
pub fn paragraphs(markdown: &str, size: usize) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut runs: Vec<Run> = Vec::new();
    let (mut bold, mut italic) = (0, 0);
    // For each open list: the next number, or `None` for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut flush = |runs: &mut Vec<Run>| {
        if !runs.is_empty() {
            out.push(body(std::mem::take(runs)));
        }
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) | Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Heading(_)) => {
                bold -= 1;
                flush(&mut runs);
            }
            Event::End(TagEnd::Strong) => bold -= 1,
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic -= 1,
            Event::Start(Tag::List(first)) => lists.push(first),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut runs);
                let mark = match lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "- ".to_string(),
                };
                runs.push(text(&mark, size));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) | Event::SoftBreak | Event::HardBreak => {
                flush(&mut runs)
            }
            Event::Text(t) | Event::Code(t) => {
                let mut run = text(&t, size);
                if bold > 0 {
                    run = run.bold();
                }
                if italic > 0 {
                    run = run.italic();
                }
                runs.push(run);
            }
            _ => {}
        }
    }
    flush(&mut runs);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_and_lines_are_paragraphs() {
        let md = "### Phần I\n\nĐồng chí **Giám đốc** chủ trì, *thư ký* ghi.\n\n- rà soát\n- báo cáo\n\n1. một\n2. hai";
        assert_eq!(paragraphs(md, 28).len(), 6);
        assert_eq!(paragraphs("dòng một\ndòng hai\n\n", 28).len(), 2);
        assert!(paragraphs("", 28).is_empty());
    }
}
