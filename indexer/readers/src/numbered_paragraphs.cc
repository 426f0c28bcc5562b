/** @file numbered_paragraphs.cc
 *  @brief Numbered paragraphs told from lists (numbered_paragraphs.h).
 */
#include "numbered_paragraphs.h"

#include "layout_lines.h"
#include "rapporteur/utf8.h"

namespace rapporteur {

void NumberedParagraphs::open(bool decimal, bool loose) { lists_.push_back(List{decimal, loose, 0, false, {}}); }

void NumberedParagraphs::loosen() {
    if (!lists_.empty()) lists_.back().loose = true;
}

void NumberedParagraphs::item() {
    if (lists_.empty()) return;
    ++lists_.back().items;
    lists_.back().item_open = true;
}

void NumberedParagraphs::first_block(const std::vector<OutlineBlock>& blocks, std::size_t index) {
    if (lists_.empty() || !lists_.back().item_open || index >= blocks.size()) return;
    List& list = lists_.back();
    list.item_open = false;
    const OutlineBlock& b = blocks[index];
    if (lists_.size() != 1 || !list.decimal || b.kind != OutlineBlock::Kind::LIST_ITEM || b.text.empty()) return;
    std::size_t pos = 0;
    if (utf8::is_upper(utf8::next(b.text, pos)) && ends_sentence(b.text)) list.blocks.push_back(index);
}

void NumberedParagraphs::close(std::vector<OutlineBlock>& blocks) {
    if (lists_.empty()) return;
    const List& list = lists_.back();
    // Numbered paragraphs are written apart (a loose list) or one at a time between headings
    // and other blocks (a list of one item); a tight list of several is a list.
    if (lists_.size() == 1 && list.decimal && (list.loose || list.items == 1)) {
        for (std::size_t i : list.blocks) {
            if (i >= blocks.size()) continue;
            blocks[i].kind = OutlineBlock::Kind::PARAGRAPH;
            blocks[i].level = 0;
        }
    }
    lists_.pop_back();
}

void NumberedParagraphs::close_all(std::vector<OutlineBlock>& blocks) {
    while (!lists_.empty()) close(blocks);
}

} // namespace rapporteur
