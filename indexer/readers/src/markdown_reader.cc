/** @file markdown_reader.cc
 *  @brief Markdown notes through md4c (CommonMark, tables on): a SAX walk into an Outline
 *         (headings with levels, paragraphs, list items, table rows with cells, footnotes), then
 *         build_report (outline.h).
 *
 *  md4c has no footnote extension, so footnotes are read on the text it gives: a definition
 *  "[^3]: text" at a line start (escaped before parsing, so that md4c does not take it for a
 *  link reference definition) becomes a FOOTNOTE block, and a marker "[^3]" in a block's text a
 *  footnote reference (inline_markup.cc), as the layout parser reads them.
 */
#include "plain_text_reader.h"

#include "inline_markup.h"
#include "layout_lines.h"
#include "numbered_paragraphs.h"
#include "outline.h"
#include "rapporteur/base/errors.h"
#include "text_normalizer.h"

#include <md4c.h>

#include <algorithm>

namespace rapporteur {

namespace {

/// "[^3]: ..." at a line start (after up to three spaces) escaped as "\[^3]: ...".
std::string escape_footnote_definitions(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = text.find('\n', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(i, end - i);
        std::size_t indent = 0;
        while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
        if (line.substr(indent, 2) == "[^" && line.find("]:", indent) != std::string_view::npos) {
            out.append(line.substr(0, indent));
            out += '\\';
            out.append(line.substr(indent));
        } else {
            out.append(line);
        }
        if (end < text.size()) out += '\n';
        i = end + 1;
    }
    return out;
}

class OutlineBuilder {
  public:
    Outline outline;

    static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
        return static_cast<OutlineBuilder*>(self)->enter(type, detail);
    }
    static int leave_block(MD_BLOCKTYPE type, void*, void* self) { return static_cast<OutlineBuilder*>(self)->leave(type); }
    static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
        auto* b = static_cast<OutlineBuilder*>(self);
        if (type == MD_SPAN_A) {
            const auto* a = static_cast<const MD_SPAN_A_DETAIL*>(detail);
            std::string href(a->href.text, a->href.size);
            if (!href.empty() && href.front() != '#') b->urls_.push_back(std::move(href));
        } else if (type == MD_SPAN_IMG) {
            ++b->image_; // alt text stays: it is what the image says
        }
        return 0;
    }
    static int leave_span(MD_SPANTYPE type, void*, void* self) {
        if (type == MD_SPAN_IMG) --static_cast<OutlineBuilder*>(self)->image_;
        return 0;
    }
    static int text(MD_TEXTTYPE type, const MD_CHAR* s, MD_SIZE size, void* self) {
        auto* b = static_cast<OutlineBuilder*>(self);
        std::string_view t(s, size);
        std::string& out = b->cell_open_ ? b->cell_ : b->text_;
        switch (type) {
            case MD_TEXT_SOFTBR: out += '\n'; break; // a line break: footnote definitions start lines
            case MD_TEXT_BR: out += ' '; break;
            case MD_TEXT_NULLCHAR: out += "\xEF\xBF\xBD"; break;
            case MD_TEXT_HTML:
                // Inline HTML: only <sup>…</sup> means something here (a footnote marker).
                if (t == "<sup>" || t == "</sup>") out.append(t);
                break;
            default: out.append(t); break;
        }
        return 0;
    }

  private:
    int enter(MD_BLOCKTYPE type, void* detail) {
        ++depth_;
        switch (type) {
            case MD_BLOCK_H:
                flush();
                kind_ = OutlineBlock::Kind::HEADING;
                level_ = static_cast<int>(static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level);
                break;
            case MD_BLOCK_OL:
            case MD_BLOCK_UL:
                // A loose ordered list at the top is how Markdown writes numbered paragraphs. The
                // text of a tight item before its nested list is that item's, flushed first.
                flush();
                numbered_.open(type == MD_BLOCK_OL,
                               type == MD_BLOCK_OL && !static_cast<const MD_BLOCK_OL_DETAIL*>(detail)->is_tight);
                break;
            case MD_BLOCK_LI:
                flush();
                numbered_.item();
                ++list_depth_;
                kind_ = OutlineBlock::Kind::LIST_ITEM;
                level_ = list_depth_;
                break;
            case MD_BLOCK_P:
            case MD_BLOCK_CODE:
                // A loose list item's first paragraph is the item; later ones are paragraphs.
                if (!(kind_ == OutlineBlock::Kind::LIST_ITEM && text_.empty())) {
                    flush();
                    kind_ = OutlineBlock::Kind::PARAGRAPH;
                    level_ = 0;
                }
                break;
            case MD_BLOCK_THEAD: in_head_ = true; break;
            case MD_BLOCK_TR:
                flush();
                cells_.clear();
                break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD:
                cell_.clear();
                cell_open_ = true;
                break;
            default: break;
        }
        return 0;
    }

    int leave(MD_BLOCKTYPE type) {
        --depth_;
        switch (type) {
            case MD_BLOCK_H:
            case MD_BLOCK_P:
            case MD_BLOCK_CODE: flush(); break;
            case MD_BLOCK_LI:
                flush();
                --list_depth_;
                // What follows the item is no longer in it: a paragraph after the list is a
                // paragraph, not the item's first.
                kind_ = OutlineBlock::Kind::PARAGRAPH;
                level_ = 0;
                break;
            case MD_BLOCK_OL:
            case MD_BLOCK_UL:
                flush();
                numbered_.close(outline.blocks);
                break;
            case MD_BLOCK_THEAD: in_head_ = false; break;
            case MD_BLOCK_TH:
            case MD_BLOCK_TD: {
                cell_open_ = false;
                std::replace(cell_.begin(), cell_.end(), '\n', ' ');
                cells_.push_back(read_inline(cell_).text);
                cell_.clear();
                break;
            }
            case MD_BLOCK_TR: {
                OutlineBlock b;
                b.kind = OutlineBlock::Kind::TABLE_ROW;
                b.cells = cells_;
                b.header_row = in_head_;
                for (const auto& c : cells_) {
                    if (c.empty()) continue;
                    if (!b.text.empty()) b.text += " | ";
                    b.text += c;
                }
                b.urls = std::move(urls_);
                urls_.clear();
                outline.blocks.push_back(std::move(b));
                break;
            }
            default: break;
        }
        return 0;
    }

    /// The text gathered since the last block, as one or more blocks.
    void flush() {
        if (text_.empty()) {
            urls_.clear();
            return;
        }
        // Split at line starts that begin a footnote definition.
        std::vector<std::string> parts;
        std::size_t start = 0;
        for (std::size_t nl = text_.find('\n'); nl != std::string::npos; nl = text_.find('\n', nl + 1)) {
            if (text_.compare(nl + 1, 2, "[^") == 0 && match_footnote_start(std::string_view(text_).substr(nl + 1), true)) {
                parts.push_back(text_.substr(start, nl - start));
                start = nl + 1;
            }
        }
        parts.push_back(text_.substr(start));
        text_.clear();
        bool first = true;
        for (auto& raw : parts) {
            std::replace(raw.begin(), raw.end(), '\n', ' ');
            OutlineBlock b;
            b.kind = kind_;
            b.level = level_;
            // "[^3]: ..." anywhere; "³ ..." (a report laid out as text) starting a paragraph.
            auto fn = match_footnote_start(raw, true);
            if (fn && (raw.compare(0, 2, "[^") == 0 || (kind_ == OutlineBlock::Kind::PARAGRAPH && first))) {
                b.kind = OutlineBlock::Kind::FOOTNOTE;
                b.n = fn->n;
                b.label = std::to_string(fn->n);
                raw.erase(0, fn->body);
            }
            InlineText in = read_inline(raw);
            if (in.text.empty()) continue;
            // A page number left in the notes is furniture, as for the layout parser.
            if (b.kind == OutlineBlock::Kind::PARAGRAPH && is_page_furniture(in.text)) continue;
            b.text = std::move(in.text);
            for (const auto& r : in.refs) b.refs.push_back(OutlineRef{std::to_string(r.n), r.n, r.offset});
            if (first) b.urls = urls_;
            for (auto& u : in.urls) {
                if (std::find(b.urls.begin(), b.urls.end(), u) == b.urls.end()) b.urls.push_back(std::move(u));
            }
            outline.blocks.push_back(std::move(b));
            if (first) numbered_.first_block(outline.blocks, outline.blocks.size() - 1);
            first = false;
        }
        urls_.clear();
    }

    OutlineBlock::Kind kind_ = OutlineBlock::Kind::PARAGRAPH;
    int level_ = 0;
    int depth_ = 0, list_depth_ = 0, image_ = 0;
    std::string text_, cell_;
    bool cell_open_ = false, in_head_ = false;
    std::vector<std::string> cells_, urls_;
    NumberedParagraphs numbered_; ///< the open lists, and which of their items are paragraphs
};

} // namespace

Report MarkdownReader::read(std::string_view bytes, std::string_view name) const {
    const std::string text = escape_footnote_definitions(normalize_text(bytes));
    OutlineBuilder builder;
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS;
    parser.enter_block = &OutlineBuilder::enter_block;
    parser.leave_block = &OutlineBuilder::leave_block;
    parser.enter_span = &OutlineBuilder::enter_span;
    parser.leave_span = &OutlineBuilder::leave_span;
    parser.text = &OutlineBuilder::text;
    if (md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &builder) != 0) {
        throw RuntimeError(std::string(name) + ": the Markdown parser gave up (out of memory?)");
    }
    return build_report(std::move(builder.outline), name);
}

} // namespace rapporteur
