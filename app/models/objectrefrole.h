// SPDX-License-Identifier: GPL-3.0-or-later
// The item-data role under which a model names the object of a row (a Core::ObjectRef: process, event, path, host,
// alert, ...), so that shared actions (bookmarks and notes, gui/markactions.h) work on any view without knowing its
// model. A model that has no object for a row returns an invalid QVariant.
#pragma once

#include "casenotes.h"

#include <QMetaType>

namespace Deck::Models {

inline constexpr int ObjectRefRole = Qt::UserRole + 0x0b0b;

} // namespace Deck::Models

Q_DECLARE_METATYPE(Deck::Core::ObjectRef)
