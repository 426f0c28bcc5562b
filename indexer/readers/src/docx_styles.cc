/** @file docx_styles.cc
 *  @brief DocxStyles: a Word document's paragraph styles (word/styles.xml) and numberings
 *         (word/numbering.xml).
 */
#include "docx_styles.h"

#include "xml_document.h"

#include <cctype>

namespace rapporteur {

namespace {

/// The most space before and after a paragraph of a tight list's items, in twentieths of a
/// point (2 pt: pandoc's Compact style has 1.8; body text has 6 pt or more).
constexpr int TIGHT_SPACE_TWIPS = 40;

int twips(const xmlNode* spacing, std::string_view name) {
    const std::string v = attribute(spacing, name);
    if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoi(v);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

void DocxSpacing::fill_from(const xmlNode* ppr) {
    if (!ppr) return;
    if (const xmlNode* sp = child_element(ppr, "spacing")) {
        // Automatic spacing is a web page's, between paragraphs: space.
        if (before < 0) before = attribute(sp, "beforeAutospacing") == "1" ? TIGHT_SPACE_TWIPS + 1 : twips(sp, "before");
        if (after < 0) after = attribute(sp, "afterAutospacing") == "1" ? TIGHT_SPACE_TWIPS + 1 : twips(sp, "after");
    }
    if (const xmlNode* c = child_element(ppr, "contextualSpacing"); c && contextual < 0) {
        const std::string v = attribute(c, "val");
        contextual = v.empty() || v == "1" || v == "true" || v == "on" ? 1 : 0;
    }
}

DocxStyles::DocxStyles(const ZipArchive& zip) {
    read_styles(zip);
    read_numbering(zip);
}

void DocxStyles::read_styles(const ZipArchive& zip) {
    const auto xml = zip.read("word/styles.xml");
    if (!xml) return;
    const XmlDoc doc = parse_xml(*xml, "word/styles.xml");
    for (xmlNode* s = xmlDocGetRootElement(doc.get())->children; s; s = s->next) {
        if (is_element(s, "docDefaults")) {
            default_spacing_.fill_from(child_element(child_element(s, "pPrDefault"), "pPr"));
            continue;
        }
        if (!is_element(s, "style") || attribute(s, "type") != "paragraph") continue;
        DocxStyle info;
        info.name = lower(attribute(child_element(s, "name"), "val"));
        info.based_on = attribute(child_element(s, "basedOn"), "val");
        if (xmlNode* ppr = child_element(s, "pPr")) {
            if (xmlNode* o = child_element(ppr, "outlineLvl")) info.outline = outline_level(o);
            if (xmlNode* num = child_element(ppr, "numPr")) {
                info.numbered = true;
                info.num_id = attribute(child_element(num, "numId"), "val");
                info.num_level = list_level(num);
            }
            info.spacing.fill_from(ppr);
        }
        if (attribute(s, "default") == "1" || attribute(s, "default") == "true") default_style_ = attribute(s, "styleId");
        styles_[attribute(s, "styleId")] = std::move(info);
    }
}

void DocxStyles::read_numbering(const ZipArchive& zip) {
    const auto xml = zip.read("word/numbering.xml");
    if (!xml) return;
    const XmlDoc doc = parse_xml(*xml, "word/numbering.xml");
    auto levels_of = [](const xmlNode* parent, std::map<int, bool>& levels) {
        for (const xmlNode* l = parent->children; l; l = l->next) {
            if (!is_element(l, "lvl")) continue;
            const std::string i = attribute(l, "ilvl");
            if (i.size() != 1 || i[0] < '0' || i[0] > '8') continue;
            const std::string fmt = attribute(child_element(l, "numFmt"), "val");
            levels[i[0] - '0'] = fmt == "decimal" || fmt == "decimalZero";
        }
    };
    std::map<std::string, std::map<int, bool>> abstract;
    xmlNode* root = xmlDocGetRootElement(doc.get());
    for (xmlNode* a = root->children; a; a = a->next) {
        if (is_element(a, "abstractNum")) levels_of(a, abstract[attribute(a, "abstractNumId")]);
    }
    for (xmlNode* n = root->children; n; n = n->next) {
        if (!is_element(n, "num")) continue;
        auto& levels = decimal_levels_[attribute(n, "numId")];
        levels = abstract[attribute(child_element(n, "abstractNumId"), "val")];
        for (xmlNode* o = n->children; o; o = o->next) {
            if (is_element(o, "lvlOverride")) levels_of(o, levels);
        }
    }
}

int DocxStyles::list_level(const xmlNode* num) {
    const std::string v = attribute(child_element(num, "ilvl"), "val");
    return v.size() == 1 && v[0] >= '0' && v[0] <= '8' ? v[0] - '0' : -1;
}

int DocxStyles::outline_level(const xmlNode* o) {
    const std::string v = attribute(o, "val");
    if (v.size() != 1 || v[0] < '0' || v[0] > '9') return -1;
    return v[0] == '9' ? -1 : v[0] - '0'; // 9 is "body text"
}

bool DocxStyles::decimal(const std::string& num_id, int level) const {
    auto it = decimal_levels_.find(num_id);
    if (it == decimal_levels_.end()) return false;
    auto l = it->second.find(level);
    return l != it->second.end() && l->second;
}

bool DocxStyles::tight(const xmlNode* ppr, std::string style_id) const {
    DocxSpacing sp;
    sp.fill_from(ppr);
    if (style_id.empty()) style_id = default_style_;
    for (int hops = 0; hops < 16 && !style_id.empty(); ++hops) {
        auto it = styles_.find(style_id);
        if (it == styles_.end()) break;
        if (sp.before < 0) sp.before = it->second.spacing.before;
        if (sp.after < 0) sp.after = it->second.spacing.after;
        if (sp.contextual < 0) sp.contextual = it->second.spacing.contextual;
        style_id = it->second.based_on;
    }
    if (sp.before < 0) sp.before = default_spacing_.before;
    if (sp.after < 0) sp.after = default_spacing_.after;
    if (sp.contextual < 0) sp.contextual = default_spacing_.contextual;
    return sp.contextual == 1 || (sp.before <= TIGHT_SPACE_TWIPS && sp.after <= TIGHT_SPACE_TWIPS);
}


DocxStyle DocxStyles::style(const std::string& id) const {
    DocxStyle out;
    std::string at = id;
    for (int hops = 0; hops < 16 && !at.empty(); ++hops) {
        auto it = styles_.find(at);
        if (it == styles_.end()) break;
        if (hops == 0) out.name = it->second.name;
        if (out.outline < 0) out.outline = it->second.outline;
        if (!out.numbered && it->second.numbered) {
            out.num_id = it->second.num_id;
            out.num_level = it->second.num_level;
        }
        out.numbered = out.numbered || it->second.numbered;
        at = it->second.based_on;
    }
    // Built-in heading styles keep their English name in styles.xml whatever the language
    // of Word's menus; their outline level says the same, and wins when both are there.
    if (out.outline < 0 && out.name.rfind("heading ", 0) == 0 && out.name.size() == 9 && out.name[8] >= '1' &&
        out.name[8] <= '9') {
        out.outline = out.name[8] - '1';
    }
    return out;
}

} // namespace rapporteur
