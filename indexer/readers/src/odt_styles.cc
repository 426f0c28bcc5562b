/** @file odt_styles.cc
 *  @brief OdtStyles: an OpenDocument text's paragraph and list styles.
 */
#include "odt_styles.h"

#include "xml_document.h"

#include <charconv>
#include <cstdlib>

namespace rapporteur {

namespace {

/// A length ("0.0598in", "0.15cm", "4pt") in points, or -1 when it is not an absolute length.
double points(const std::string& v) {
    // from_chars, not strtod: a full stop whatever the process's locale.
    double x = 0;
    const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (error != std::errc() || x < 0) return -1;
    const std::string_view unit(end, static_cast<std::size_t>(v.data() + v.size() - end));
    if (unit == "pt") return x;
    if (unit == "in") return x * 72;
    if (unit == "cm") return x * 72 / 2.54;
    if (unit == "mm") return x * 72 / 25.4;
    if (unit == "pc") return x * 12;
    if (unit == "px") return x * 0.75;
    return -1;
}


/// text has 4 pt or more).
constexpr double TIGHT_SPACE_POINTS = 2.0;


} // namespace

void OdtStyles::add(const xmlNode* root) {
    if (!root) return;
    for (const xmlNode* group = root->children; group; group = group->next) {
        if (!is_element(group, "styles") && !is_element(group, "automatic-styles")) continue;
        for (const xmlNode* s = group->children; s; s = s->next) {
            if (is_element(s, "list-style")) add_list_style(s);
            const bool fallback = is_element(s, "default-style");
            if (!(is_element(s, "style") || fallback) || attribute(s, "family") != "paragraph") continue;
            Style info;
            if (const xmlNode* pp = child_element(s, "paragraph-properties")) {
                info.above = points(attribute(pp, "margin-top"));
                info.below = points(attribute(pp, "margin-bottom"));
                const std::string ctx = attribute(pp, "contextual-spacing");
                info.contextual = ctx == "true" ? 1 : ctx == "false" ? 0 : -1;
            }
            if (fallback) {
                default_style_ = std::move(info);
                continue;
            }
            info.parent = attribute(s, "parent-style-name");
            const std::string level = attribute(s, "default-outline-level");
            info.outline = level.size() == 1 && level[0] >= '1' && level[0] <= '9' ? level[0] - '0' : 0;
            info.display = attribute(s, "display-name");
            if (info.display.empty()) info.display = attribute(s, "name");
            styles_[attribute(s, "name")] = std::move(info);
        }
    }
}

void OdtStyles::add_list_style(const xmlNode* s) {
    auto& levels = list_styles_[attribute(s, "name")];
    for (const xmlNode* l = s->children; l; l = l->next) {
        if (l->type != XML_ELEMENT_NODE) continue;
        const int level = std::atoi(attribute(l, "level").c_str());
        if (level >= 1 && level <= 10)
            levels[level] = is_element(l, "list-level-style-number") && attribute(l, "num-format") == "1";
    }
}

bool OdtStyles::tight(std::string at) const {
    double above = -1, below = -1;
    int contextual = -1;
    for (int hops = 0; hops < 16 && !at.empty(); ++hops) {
        auto it = styles_.find(at);
        if (it == styles_.end()) break;
        if (above < 0) above = it->second.above;
        if (below < 0) below = it->second.below;
        if (contextual < 0) contextual = it->second.contextual;
        at = it->second.parent;
    }
    if (above < 0) above = default_style_.above;
    if (below < 0) below = default_style_.below;
    if (contextual < 0) contextual = default_style_.contextual;
    return contextual == 1 || (above <= TIGHT_SPACE_POINTS && below <= TIGHT_SPACE_POINTS);
}

bool OdtStyles::decimal(const std::string& name, int level) const {
    auto it = list_styles_.find(name);
    if (it == list_styles_.end()) return false;
    auto l = it->second.find(level);
    return l != it->second.end() && l->second;
}

std::pair<std::vector<std::string>, int> OdtStyles::style(std::string at) const {
    std::vector<std::string> names;
    int outline = 0;
    for (int hops = 0; hops < 16 && !at.empty(); ++hops) {
        names.push_back(at);
        auto it = styles_.find(at);
        if (it == styles_.end()) break;
        names.push_back(it->second.display);
        if (!outline) outline = it->second.outline;
        at = it->second.parent;
    }
    return {names, outline};
}

} // namespace rapporteur
