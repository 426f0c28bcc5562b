/** @file docx_reader.cc
 *  @brief Word documents: word/document.xml read in order into an Outline, with what the
 *         styles and numberings say of each paragraph (docx_styles.h), footnotes and endnotes
 *         (footnotes.xml, endnotes.xml), links (the parts' .rels) and the title
 *         (docProps/core.xml).
 */
#include "document_readers.h"

#include "docx_styles.h"
#include "numbered_paragraphs.h"
#include "outline.h"
#include "rapporteur/base/errors.h"
#include "xml_document.h"
#include "zip_archive.h"

#include <algorithm>
#include <map>
#include <optional>

namespace rapporteur {

namespace {

class DocxOutliner {
  public:
    explicit DocxOutliner(const ZipArchive& zip) : zip_(zip), styles_(zip) {}

    Outline run() {
        const auto main = zip_.read("word/document.xml");
        if (!main) throw RuntimeError("not a Word document (the archive has no word/document.xml)");
        links_ = read_links("word/_rels/document.xml.rels");
        read_notes("word/footnotes.xml", "footnote", footnotes_);
        read_notes("word/endnotes.xml", "endnote", endnotes_);
        if (auto core = zip_.read("docProps/core.xml")) {
            XmlDoc doc = parse_xml(*core, "docProps/core.xml");
            if (xmlNode* t = child_element(xmlDocGetRootElement(doc.get()), "title")) outline_.title = text_of(t);
        }
        XmlDoc doc = parse_xml(*main, "word/document.xml");
        xmlNode* body = child_element(xmlDocGetRootElement(doc.get()), "body");
        // Pages only where Word recorded where its pages broke when it last laid the document
        // out; explicit page breaks alone would undercount every page that text filled.
        pages_known_ = body && has_descendant(body, "lastRenderedPageBreak");
        page_ = pages_known_ ? 1 : 0;
        if (body) read_blocks(body);
        end_lists();
        title_block_.apply(outline_);
        return std::move(outline_);
    }

    const TitleBlock& title_block() const { return title_block_; }

  private:
    using Notes = std::map<std::string, xmlNode*>;

    /** A numbered paragraph at `level` (0-based) of the numbering `num_id` opens an item:
     *  Word has no list elements, so a list is a run of numbered paragraphs, one numbering
     *  at a level; deeper levels are lists inside it, and another numbering at the same level
     *  is another list. */
    void list_item(const std::string& num_id, int level, bool tight) {
        const auto want = static_cast<std::size_t>(level) + 1;
        while (list_nums_.size() > want) end_list();
        if (list_nums_.size() == want && list_nums_.back() != num_id) end_list();
        while (list_nums_.size() < want) {
            numbered_.open(styles_.decimal(num_id, static_cast<int>(list_nums_.size())));
            list_nums_.push_back(num_id);
        }
        numbered_.item();
        if (!tight) numbered_.loosen();
    }

    void end_list() {
        numbered_.close(outline_.blocks);
        list_nums_.pop_back();
    }

    /// Any block but a numbered paragraph ends the lists (an empty paragraph does not).
    void end_lists() {
        while (!list_nums_.empty()) end_list();
    }

    std::map<std::string, std::string> read_links(const std::string& part) const {
        std::map<std::string, std::string> out;
        const auto xml = zip_.read(part);
        if (!xml) return out;
        XmlDoc doc = parse_xml(*xml, part);
        for (xmlNode* r = xmlDocGetRootElement(doc.get())->children; r; r = r->next) {
            if (is_element(r, "Relationship") && attribute(r, "TargetMode") == "External") {
                out[attribute(r, "Id")] = attribute(r, "Target");
            }
        }
        return out;
    }

    void read_notes(const std::string& part, std::string_view element, Notes& notes) {
        const auto xml = zip_.read(part);
        if (!xml) return;
        note_docs_.push_back(parse_xml(*xml, part));
        for (xmlNode* n = xmlDocGetRootElement(note_docs_.back().get())->children; n; n = n->next) {
            const std::string type = attribute(n, "type");
            // Separators and continuation notices are the page's furniture, not notes.
            if (is_element(n, element) && (type.empty() || type == "normal")) notes[attribute(n, "id")] = n;
        }
    }

    static bool has_descendant(const xmlNode* node, std::string_view name) {
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (is_element(c, name) || (c->type == XML_ELEMENT_NODE && has_descendant(c, name))) return true;
        }
        return false;
    }

    static std::string text_of(const xmlNode* node) {
        std::string out;
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && c->content) out += reinterpret_cast<const char*>(c->content);
        }
        return out;
    }

    void read_blocks(xmlNode* container) {
        for (xmlNode* n = container->children; n; n = n->next) {
            if (is_element(n, "p")) {
                read_paragraph(n);
            } else if (is_element(n, "tbl")) {
                read_table(n);
            } else if (is_element(n, "sdt")) {
                // A table of contents repeats the headings: left out.
                const xmlNode* part =
                    child_element(child_element(child_element(n, "sdtPr"), "docPartObj"), "docPartGallery");
                if (attribute(part, "val") == "Table of Contents") continue;
                if (xmlNode* content = child_element(n, "sdtContent")) read_blocks(content);
            } else if (is_element(n, "customXml") || is_element(n, "ins") || is_element(n, "smartTag")) {
                read_blocks(n);
            }
        }
    }

    void read_paragraph(xmlNode* p) {
        OutlineBlock block;
        block.page = page_;
        xmlNode* ppr = child_element(p, "pPr");
        const DocxStyle st = styles_.style(attribute(child_element(ppr, "pStyle"), "val"));
        int outline = st.outline;
        if (xmlNode* o = child_element(ppr, "outlineLvl")) outline = DocxStyles::outline_level(o);
        xmlNode* num = child_element(ppr, "numPr");
        // The paragraph's numbering, else its style's; numId 0 takes away what a style would give.
        std::string num_id = attribute(child_element(num, "numId"), "val");
        if (num_id.empty()) num_id = st.num_id;
        const bool unnumbered = num && num_id == "0";
        int num_level = DocxStyles::list_level(num);
        if (num_level < 0) num_level = std::max(st.num_level, 0);
        BlockText text;
        std::vector<std::pair<const Notes*, std::string>> cited;
        collect(p, text, &cited);
        text.finish_into(block);
        block.last_page = page_;
        if (st.name.rfind("toc ", 0) == 0) return; // a table of contents' line ("toc 1")
        if (st.name == "title") {
            block.kind = OutlineBlock::Kind::TITLE;
            if (!block.text.empty()) title_block_.lines.insert(title_block_.lines.begin(), block.text);
        } else if (st.name == "subtitle" || st.name == "author" || st.name == "date") {
            // A title block's lines (pandoc writes these styles): front matter, not passages.
            if (!block.text.empty()) title_block_.lines.push_back(block.text);
            return;
        } else if (outline >= 0) {
            block.kind = OutlineBlock::Kind::HEADING;
            block.level = outline + 1;
        } else if ((num || st.numbered) && !unnumbered) {
            block.kind = OutlineBlock::Kind::LIST_ITEM;
            block.level = 1 + num_level;
        }
        if (block.text.empty() && block.refs.empty()) return;
        if (block.kind == OutlineBlock::Kind::LIST_ITEM) {
            list_item(num_id, num_level, styles_.tight(ppr, attribute(child_element(ppr, "pStyle"), "val")));
        } else {
            end_lists();
        }
        outline_.blocks.push_back(std::move(block));
        numbered_.first_block(outline_.blocks, outline_.blocks.size() - 1);
        emit_notes(cited);
    }

    void read_table(xmlNode* tbl) {
        end_lists();
        for (xmlNode* tr = tbl->children; tr; tr = tr->next) {
            if (!is_element(tr, "tr")) continue;
            OutlineBlock row;
            row.kind = OutlineBlock::Kind::TABLE_ROW;
            row.page = page_;
            row.header_row = child_element(child_element(tr, "trPr"), "tblHeader") != nullptr;
            std::vector<std::pair<const Notes*, std::string>> cited;
            for (xmlNode* tc = tr->children; tc; tc = tc->next) {
                if (!is_element(tc, "tc")) continue;
                BlockText text;
                collect(tc, text, &cited);
                add_table_cell(row, text);
            }
            row.last_page = page_;
            if (!has_cell_text(row)) continue;
            outline_.blocks.push_back(std::move(row));
            emit_notes(cited);
        }
    }

    /// The text of `node`'s runs into `text`; footnote references as markers (and, when
    /// `cited` is given, the notes they cite, to emit after the block).
    void collect(xmlNode* node, BlockText& text, std::vector<std::pair<const Notes*, std::string>>* cited) {
        for (xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const std::string_view n = reinterpret_cast<const char*>(c->name);
            if (n == "t") {
                text.append(text_of(c));
            } else if (n == "tab" || n == "ptab" || n == "cr" || n == "br") {
                text.append(" ");
            } else if (n == "noBreakHyphen") {
                text.append("-");
            } else if (n == "lastRenderedPageBreak") {
                if (pages_known_) ++page_;
            } else if (n == "footnoteReference" || n == "endnoteReference") {
                if (!cited) continue;
                const bool foot = n == "footnoteReference";
                const std::string id = attribute(c, "id");
                Notes& notes = foot ? footnotes_ : endnotes_;
                if (!notes.count(id)) continue; // a reference to nothing: no marker
                const std::string label = std::string(foot ? "footnote:" : "endnote:") + id;
                auto [it, fresh] = numbers_.emplace(label, 0);
                if (fresh) {
                    // Word numbers notes in the order they are cited, footnotes and endnotes
                    // apart; a custom mark ("*") is no number.
                    int& counter = foot ? footnote_count_ : endnote_count_;
                    it->second = attribute(c, "customMarkFollows") == "1" ? 0 : ++counter;
                    cited->emplace_back(&notes, id);
                }
                text.add_ref(label, it->second);
            } else if (n == "hyperlink") {
                const auto link = links_.find(attribute(c, "id"));
                if (link != links_.end()) text.add_url(link->second);
                collect(c, text, cited);
            } else if (n == "pPr" || n == "rPr" || n == "del" || n == "delText" || n == "instrText" || n == "drawing" ||
                       n == "pict" || n == "object" || n == "AlternateContent" || n == "footnoteRef" ||
                       n == "endnoteRef" || n == "commentReference" || n == "rt" || n == "sectPr" || n == "moveFrom") {
                continue; // formatting, deleted text, field codes, drawings, the note's own mark
            } else if (n == "p") {
                text.append(" "); // paragraphs inside a cell or a note
                collect(c, text, cited);
                text.append(" ");
            } else {
                collect(c, text, cited);
            }
        }
    }

    void emit_notes(const std::vector<std::pair<const Notes*, std::string>>& cited) {
        for (const auto& [notes, id] : cited) {
            const bool foot = notes == &footnotes_;
            const std::string label = std::string(foot ? "footnote:" : "endnote:") + id;
            OutlineBlock note;
            note.kind = OutlineBlock::Kind::FOOTNOTE;
            note.label = label;
            note.n = numbers_[label];
            note.page = note.last_page = page_;
            BlockText text;
            const auto saved = links_;
            links_ = foot ? footnote_links() : endnote_links();
            collect(notes->at(id), text, nullptr);
            links_ = saved;
            text.finish_into(note);
            note.refs.clear();
            outline_.blocks.push_back(std::move(note));
        }
    }

    const std::map<std::string, std::string>& footnote_links() {
        if (!footnote_links_) footnote_links_ = read_links("word/_rels/footnotes.xml.rels");
        return *footnote_links_;
    }
    const std::map<std::string, std::string>& endnote_links() {
        if (!endnote_links_) endnote_links_ = read_links("word/_rels/endnotes.xml.rels");
        return *endnote_links_;
    }

    const ZipArchive& zip_;
    Outline outline_;
    TitleBlock title_block_;
    std::vector<XmlDoc> note_docs_;
    const DocxStyles styles_;
    std::vector<std::string> list_nums_; ///< the open lists' numIds, outermost (level 0) first
    NumberedParagraphs numbered_;        ///< the open lists, and which of their items are paragraphs
    std::map<std::string, std::string> links_;
    std::optional<std::map<std::string, std::string>> footnote_links_, endnote_links_;
    Notes footnotes_, endnotes_;
    std::map<std::string, int> numbers_; ///< note label → its number
    int footnote_count_ = 0, endnote_count_ = 0;
    bool pages_known_ = false;
    int page_ = 0;
};

} // namespace

Report DocxReader::read(std::string_view bytes, std::string_view name) const {
    const ZipArchive zip(bytes);
    DocxOutliner outliner(zip);
    Report report = build_report(outliner.run(), name);
    outliner.title_block().apply(report);
    return report;
}

} // namespace rapporteur
